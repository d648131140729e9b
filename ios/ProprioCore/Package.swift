// swift-tools-version:5.9
// The core as a Swift package: the static library in ProprioCoreFFI.xcframework and the
// Swift bindings uniffi generates for it. Both are made by ../build-ios.sh (not
// committed); run it before opening the app.
import PackageDescription

let package = Package(
    name: "ProprioCore",
    platforms: [.iOS(.v16)],
    products: [
        .library(name: "ProprioCore", targets: ["ProprioCore"]),
    ],
    targets: [
        .binaryTarget(name: "ProprioCoreFFI", path: "ProprioCoreFFI.xcframework"),
        .target(
            name: "ProprioCore",
            dependencies: ["ProprioCoreFFI"],
            path: "Sources/ProprioCore"
        ),
    ],
    // The generated bindings are Swift 5 code until uniffi's Swift 6 fixes are released.
    swiftLanguageVersions: [.v5]
)
