// Mirrors tests/kotlin/src/org/proprio/core/test/BindingsTest.kt: the plumbing under
// every call (the library loads, its contract version matches, values survive a trip
// through Rust-allocated buffers).
import XCTest
@testable import ProprioCore

final class BindingsTests: XCTestCase {
    private let spec = StimulusSpec(
        bodyPart: .hand, side: .left, view: .back, posture: .fist,
        rotationDeg: 90, skinTone: 3, context: .none, variant: 0
    )

    func testLibraryLoadsAndContractVersionMatches() {
        // Calls into the library; stops the process if the contract versions differ.
        uniffiEnsureProprioCoreInitialized()
    }

    /// A spec made in Swift reaches Rust whole: its metadata names every field; one
    /// changed in Swift arrives changed. Public API only, no converter internals.
    func testRecordRoundTripsThroughRust() throws {
        for part in [BodyPart.hand, .foot, .back, .neck, .knee, .shoulder] {
            var value = spec
            value.bodyPart = part
            value.view = part == .hand ? .back : part == .foot ? .top : .behind
            value.posture = part == .hand ? .fist : part == .foot ? .neutral : part == .knee ? .straight
                : part == .shoulder ? .armForward : .turn
            value.rotationDeg = part == .hand || part == .foot ? 345 : 15
            for side in [Side.left, .right] {
                value.side = side
                let meta = try stimulusMetadata(spec: value)
                XCTAssertTrue(meta.id.hasPrefix("\(part):\(side):".lowercased()), meta.id)
                XCTAssertEqual(meta.rotationDeg, value.rotationDeg)
            }
        }
        let image = try renderStimulus(spec: spec, size: 256, backdrop: .light)
        XCTAssertEqual(image.rgba.count, 256 * 256 * 4)
    }

    func testEnumsKeepTheirRustOrder() {
        XCTAssertEqual(BodyPart.allCases, [.hand, .foot, .back, .neck, .knee, .shoulder])
        XCTAssertEqual(Side.allCases, [.left, .right])
    }

    /// A real error from Rust arrives as its case, with the field named.
    func testErrorVariantsLiftToTheirCase() throws {
        XCTAssertThrowsError(try renderStimulus(spec: spec, size: 100, backdrop: .dark)) { error in
            guard case let ProprioError.InvalidArgument(field, reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(field, "size")
            XCTAssertTrue(reason.contains("100"), reason)
        }
    }
}
