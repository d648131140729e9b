// How a therapist's plan file reaches the app from the platform, mirroring android/app
// PlanInputs.kt: a document's bytes read with a bound, off the main actor, inside its
// security-scoped access. The plan screen's file importer and a plan opened with the app
// from another one (`onOpenURL`) both read through here; the core reads and checks what
// comes out (`previewPlanFile`); nothing here decides.
import Foundation

enum PlanInputs {
    /// At most `limit` bytes of the document at `url` (ask for the core's bound plus one,
    /// so a larger file reaches the core as too large), or nil if it cannot be opened.
    static func read(_ url: URL, atMost limit: UInt64) async -> Data? {
        await Task.detached(priority: .userInitiated) { PlanInputs.readNow(url, atMost: limit) }.value
    }

    private static func readNow(_ url: URL, atMost limit: UInt64) -> Data? {
        let scoped = url.startAccessingSecurityScopedResource()
        defer { if scoped { url.stopAccessingSecurityScopedResource() } }
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        return try? handle.read(upToCount: Int(clamping: limit))
    }
}

/// A plan file opened with the app, for the plan screen's preview (each one new, so the
/// same file opened twice is shown twice).
struct IncomingPlan: Equatable {
    let id = UUID()
    let bytes: Data
}
