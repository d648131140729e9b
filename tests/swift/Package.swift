// swift-tools-version:5.9
// XCTest cases for the generated Swift bindings, run on a Mac against a macOS build of
// the core. Run ./generate.sh first (it builds the library and generates the bindings
// into Generated/), then `swift test`. See README.md.
import PackageDescription

let libDir = Context.packageDirectory + "/../../target/release"

let package = Package(
    name: "ProprioCoreBindingTests",
    platforms: [.macOS(.v13)],
    targets: [
        .systemLibrary(name: "ProprioCoreFFI", path: "Generated/ProprioCoreFFI"),
        .target(
            name: "ProprioCore",
            dependencies: ["ProprioCoreFFI"],
            path: "Generated/ProprioCore",
            linkerSettings: [
                .unsafeFlags(["-L", libDir, "-Xlinker", "-rpath", "-Xlinker", libDir]),
                .linkedLibrary("proprio_core"),
            ]
        ),
        .testTarget(
            name: "ProprioCoreTests",
            dependencies: ["ProprioCore"],
            path: "Tests/ProprioCoreTests"
        ),
    ]
)
