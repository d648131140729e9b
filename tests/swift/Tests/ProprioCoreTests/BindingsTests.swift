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

    func testRecordRoundTripsThroughRustBuffer() throws {
        for part in [BodyPart.hand, .foot, .back, .neck, .knee, .shoulder] {
            for side in [Side.left, .right] {
                var value = spec
                value.bodyPart = part
                value.side = side
                value.rotationDeg = 345
                XCTAssertEqual(value, try FfiConverterTypeStimulusSpec_lift(FfiConverterTypeStimulusSpec_lower(value)))
            }
        }
    }

    func testEnumsKeepTheirRustOrder() {
        XCTAssertEqual(BodyPart.allCases, [.hand, .foot, .back, .neck, .knee, .shoulder])
        XCTAssertEqual(Side.allCases, [.left, .right])
    }

    func testErrorVariantsLiftToTheirCase() throws {
        let lowered = FfiConverterTypeProprioError_lower(.InvalidArgument(field: "pain", reason: "11 is out of range 0..=10"))
        guard case let .InvalidArgument(field, _) = try FfiConverterTypeProprioError_lift(lowered) else {
            return XCTFail("expected InvalidArgument")
        }
        XCTAssertEqual(field, "pain")
        XCTAssertTrue("\(try FfiConverterTypeProprioError_lift(lowered))".contains("pain"))
    }
}
