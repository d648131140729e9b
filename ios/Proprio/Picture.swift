// The core's pictures as CGImages: the core draws RGBA pixels (`renderStimulus`, on a
// dark backdrop in dark mode), this only wraps them for UIKit and SwiftUI.
import CoreGraphics
import Foundation
import ProprioCore
import SwiftUI

enum Picture {
    /// Pixels per side for a trial picture: sharp on a phone's full width, as the core
    /// draws it.
    static let trialSize: UInt32 = pictureSize(wantedPx: 768)
    /// Pixels per side for the small previews in onboarding.
    static let previewSize: UInt32 = 256

    /// The spec drawn by the core (straight RGBA, rows top to bottom); nil if the core
    /// refused it (the screen then shows no picture rather than a wrong one).
    static func image(_ spec: StimulusSpec, size: UInt32, backdrop: Backdrop) -> CGImage? {
        guard let drawn = try? renderStimulus(spec: spec, size: size, backdrop: backdrop) else { return nil }
        return cgImage(drawn)
    }

    /// A picture the core drew (e.g. `renderStimulusId` for a guided step) as a CGImage.
    static func cgImage(_ drawn: RenderedImage) -> CGImage? {
        let bytesPerRow = Int(drawn.width) * 4
        guard let provider = CGDataProvider(data: Data(drawn.rgba) as CFData) else { return nil }
        return CGImage(
            width: Int(drawn.width),
            height: Int(drawn.height),
            bitsPerComponent: 8,
            bitsPerPixel: 32,
            bytesPerRow: bytesPerRow,
            space: CGColorSpace(name: CGColorSpace.sRGB) ?? CGColorSpaceCreateDeviceRGB(),
            bitmapInfo: CGBitmapInfo(rawValue: CGImageAlphaInfo.last.rawValue),
            provider: provider,
            decode: nil,
            shouldInterpolate: true,
            intent: .defaultIntent)
    }
}

extension ColorScheme {
    /// The picture backdrop that suits the screen's appearance.
    var backdrop: Backdrop { self == .dark ? .dark : .light }
}
