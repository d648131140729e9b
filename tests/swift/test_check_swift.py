"""Tests of check_swift.py on small bindings in the shape uniffi generates: it passes
correct uses and fails deliberately wrong names (field, case, label, type, method).

Run by tests/swift/check.sh as `python tests/swift/test_check_swift.py`, which ends with
the line `N passed, N failed`.
"""

import contextlib
import io
import sys
import tempfile
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import check_swift  # noqa: E402

BINDINGS = """
public protocol ProprioProtocol: AnyObject, Sendable {
    func sessions() throws -> [SessionSummary]
    func planReminders(now: WallTime, days: UInt32, pending: [PendingNotification]) throws -> Plan
}
open class Proprio: ProprioProtocol, @unchecked Sendable {
    public convenience init(dbPath: String, now: WallTime) throws {
        self.init(unsafeFromHandle: 0)
    }
    open func sessions() throws -> [SessionSummary] {
        return []
    }
    open func planReminders(now: WallTime, days: UInt32, pending: [PendingNotification]) throws -> Plan {
        fatalError()
    }
}
public struct WallTime {
    public var unixMs: Int64
    public var zone: String
    public init(unixMs: Int64, zone: String) {
        self.unixMs = unixMs
        self.zone = zone
    }
}
public struct SessionSummary {
    public var id: Int64
    public var kind: SessionKind
    public var trialCount: UInt32
    public init(id: Int64, kind: SessionKind, trialCount: UInt32) {
        self.id = id
        self.kind = kind
        self.trialCount = trialCount
    }
}
public struct LeftRightSettings {
    public var bodyPart: BodyPart
    public var count: UInt32?
    public var seed: UInt64?
    public init(bodyPart: BodyPart, count: UInt32? = nil, seed: UInt64? = nil) {
        self.bodyPart = bodyPart
        self.count = count
        self.seed = seed
    }
}
public struct PendingNotification {
    public var id: String
    public var fireAtMs: Int64
    public init(id: String, fireAtMs: Int64) {
        self.id = id
        self.fireAtMs = fireAtMs
    }
}
public struct Plan {
    public var days: UInt32
    public var diff: ReminderDiff
    public init(days: UInt32, diff: ReminderDiff) {
        self.days = days
        self.diff = diff
    }
}
public struct ReminderDiff {
    public var toCancel: [String]
    public init(toCancel: [String]) {
        self.toCancel = toCancel
    }
}
public enum BodyPart: Equatable, Hashable, CaseIterable {
    case hand
    case foot
}
public enum SessionKind: Equatable, Hashable, CaseIterable {
    case leftRight
    case mirror
}
public enum ProprioError: Swift.Error, Equatable, Hashable {
    case InvalidArgument(field: String, reason: String)
    case NotFound(what: String, id: String)
}
public func renderStimulusPng(bodyPart: BodyPart, size: UInt32) throws -> Data {
    fatalError()
}
"""

GOOD_APP = """
import Foundation
import ProprioCore

struct Screen {
    let summary: SessionSummary
    let core: Proprio

    func describe() -> String {
        "\\(summary.trialCount) \\(summary.kind == .leftRight)"
    }

    func plan(at now: WallTime) throws -> [String] {
        let settings = LeftRightSettings(bodyPart: .hand, seed: 7)
        let plan = try core.planReminders(now: now, days: 3, pending: [PendingNotification(id: "a", fireAtMs: 1)])
        let counts = try core.sessions().map { $0.trialCount }
        _ = try renderStimulusPng(bodyPart: settings.bodyPart, size: 256)
        _ = BodyPart.allCases
        do {
            _ = try Proprio(dbPath: "p.db", now: now)
        } catch let ProprioError.InvalidArgument(field, reason) {
            print(field, reason, counts)
        }
        return plan.diff.toCancel
    }
}
"""

ALLOW = "Foundation String Int print map Data\n"


class CheckSwiftTest(unittest.TestCase):
    def run_checker(self, app: str, pending: str = "") -> tuple[int, str]:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            (folder / "Bindings.swift").write_text(BINDINGS)
            (folder / "App.swift").write_text(app)
            (folder / "allow.txt").write_text(ALLOW)
            (folder / "pending.txt").write_text(pending)
            out = io.StringIO()
            with contextlib.redirect_stdout(out):
                status = check_swift.main([
                    "--bindings", str(folder / "Bindings.swift"),
                    "--allow", str(folder / "allow.txt"),
                    "--pending", str(folder / "pending.txt"),
                    str(folder / "App.swift"),
                ])
            return status, out.getvalue()

    def assert_fails(self, old: str, new: str, expected: str):
        app = GOOD_APP.replace(old, new, 1)
        self.assertNotEqual(app, GOOD_APP, f"{old!r} is not in the fixture")
        status, out = self.run_checker(app)
        self.assertEqual(status, 1, out)
        self.assertIn(expected, out)
        self.assertIn("1 passed, 1 failed", out)

    def test_correct_uses_pass(self):
        status, out = self.run_checker(GOOD_APP)
        self.assertEqual(status, 0, out)
        self.assertIn("2 passed, 0 failed", out)

    def test_bindings_are_read(self):
        core = check_swift.read_core(BINDINGS.encode())
        self.assertEqual(set(core.types["SessionSummary"].fields), {"id", "kind", "trialCount"})
        self.assertEqual(core.types["SessionKind"].cases, {"leftRight", "mirror"})
        self.assertIn("allCases", core.types["BodyPart"].members())
        self.assertEqual(core.types["Proprio"].inits[0].labels, ["dbPath", "now"])
        sig = core.types["LeftRightSettings"].inits[0]
        self.assertEqual((sig.labels, sig.defaulted), (["bodyPart", "count", "seed"], [False, True, True]))
        self.assertEqual(core.types["Proprio"].methods["sessions"][0].returns, check_swift.TypeRef("SessionSummary", "[]"))

    def test_renamed_field_on_a_typed_receiver_fails(self):
        self.assert_fails("summary.trialCount", "summary.trialCounts", "SessionSummary has no member trialCounts")

    def test_renamed_field_through_a_closure_parameter_fails(self):
        self.assert_fails("$0.trialCount", "$0.trialsCount", "unknown member .trialsCount")

    def test_renamed_field_in_a_chain_fails(self):
        self.assert_fails("plan.diff.toCancel", "plan.diff.toRemove", "ReminderDiff has no member toRemove")

    def test_renamed_enum_case_fails(self):
        self.assert_fails("== .leftRight", "== .leftAndRight", "unknown member .leftAndRight")

    def test_wrong_initializer_label_fails(self):
        self.assert_fails("fireAtMs: 1", "fireAt: 1", "initializer PendingNotification(id:fireAt:)")

    def test_defaulted_arguments_may_be_left_out_but_not_reordered(self):
        self.assert_fails("LeftRightSettings(bodyPart: .hand, seed: 7)", "LeftRightSettings(seed: 7, bodyPart: .hand)",
                          "initializer LeftRightSettings(seed:bodyPart:)")

    def test_wrong_method_label_fails(self):
        self.assert_fails("days: 3", "dayCount: 3", "method planReminders(now:dayCount:pending:)")

    def test_wrong_function_label_fails(self):
        self.assert_fails("size: 256", "pixels: 256", "function renderStimulusPng(bodyPart:pixels:)")

    def test_renamed_method_fails(self):
        self.assert_fails("core.sessions()", "core.allSessions()", "Proprio has no member allSessions")

    def test_unknown_core_type_fails(self):
        self.assert_fails("let summary: SessionSummary", "let summary: SessionSummaryV2", "unknown type SessionSummaryV2")

    def test_renamed_error_case_fails(self):
        self.assert_fails("ProprioError.InvalidArgument", "ProprioError.BadArgument", "unknown member .BadArgument")

    def test_pending_name_is_a_note_until_it_exists_then_a_failure(self):
        app = GOOD_APP.replace("core.sessions()", "core.deleteAllData()", 1)
        status, out = self.run_checker(app, pending="deleteAllData\n")
        self.assertEqual(status, 0, out)
        self.assertIn("note pending: deleteAllData", out)
        status, out = self.run_checker(GOOD_APP, pending="sessions\n")
        self.assertEqual(status, 1, out)
        self.assertIn("pending names now in the bindings", out)

    def test_parse_errors_fail_with_their_line(self):
        status, out = self.run_checker(GOOD_APP.replace("return plan.diff.toCancel\n    }", "return plan.diff.toCancel\n", 1))
        self.assertEqual(status, 1, out)
        self.assertIn("FAIL parse", out)


class RealBindingsTest(unittest.TestCase):
    """The app's own sources against the real generated bindings, each with one core
    name made wrong on purpose: every one must fail. Needs PROPRIO_SWIFT_BINDINGS (the
    generated ProprioCore.swift) and PROPRIO_SWIFT_APP (ios/Proprio); check.sh sets both."""

    MUTATIONS = [
        # (file, what the app says, the wrong name, what the checker must say)
        ("Screens/SummaryScreen.swift", "section.facts", "section.rows", "unknown member .rows"),
        # `guard let prompt` leaves the receiver untyped, so this one is caught by name.
        ("Screens/SessionScreen.swift", "prompt.timeLimitMs", "prompt.timeLimitMillis", "unknown member .timeLimitMillis"),
        ("ReminderNotifications.swift", "planReminders(now:", "planReminders(at:", "method planReminders(at:days:pending:)"),
        ("Screens/SessionScreen.swift", "case .tooQuick:", "case .tooFast:", "unknown member .tooFast"),
        ("Screens/JournalScreen.swift", "medication: medication,", "tookMedication: medication,", "initializer NewJournalEntry("),
        ("Screens/ProgressScreen.swift", "chart.goalLabel", "chart.goalText", "DayChart has no member goalText"),
    ]

    def setUp(self):
        import os
        bindings, app = os.environ.get("PROPRIO_SWIFT_BINDINGS"), os.environ.get("PROPRIO_SWIFT_APP")
        if not bindings or not app or not Path(app).is_dir():
            self.skipTest("PROPRIO_SWIFT_BINDINGS / PROPRIO_SWIFT_APP not set (tests/swift/check.sh sets them)")
        self.bindings, self.app = Path(bindings), Path(app)
        here = Path(__file__).resolve().parent
        self.allow, self.pending = here / "apple-names.txt", here / "pending-core-names.txt"

    def check(self, folder: Path) -> tuple[int, str]:
        files = sorted(str(f) for f in folder.rglob("*.swift"))
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            status = check_swift.main(
                ["--bindings", str(self.bindings), "--allow", str(self.allow), "--pending", str(self.pending), *files])
        return status, out.getvalue()

    def test_each_wrong_name_in_the_app_fails(self):
        import shutil
        for file, old, new, expected in self.MUTATIONS:
            with self.subTest(file=file, wrong=new), tempfile.TemporaryDirectory() as tmp:
                copy = Path(tmp) / "app"
                shutil.copytree(self.app, copy)
                source = (copy / file).read_text()
                self.assertIn(old, source, f"{file} no longer says {old!r}: update this test")
                (copy / file).write_text(source.replace(old, new, 1))
                status, out = self.check(copy)
                self.assertEqual(status, 1, out)
                self.assertIn(expected, out)


class CountingResult(unittest.TextTestResult):
    """unittest's verbose result, also counting passes for the closing line."""

    passes = 0

    def addSuccess(self, test):
        super().addSuccess(test)
        CountingResult.passes += 1


if __name__ == "__main__":
    runner = unittest.TextTestRunner(stream=sys.stdout, verbosity=2, resultclass=CountingResult)
    result = runner.run(unittest.defaultTestLoader.loadTestsFromModule(sys.modules[__name__]))
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    print(f"{CountingResult.passes} passed, {failed} failed")
    sys.exit(1 if failed else 0)
