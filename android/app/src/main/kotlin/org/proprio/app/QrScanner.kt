package org.proprio.app

import android.content.Context
import com.google.mlkit.vision.barcode.common.Barcode
import com.google.mlkit.vision.codescanner.GmsBarcodeScannerOptions
import com.google.mlkit.vision.codescanner.GmsBarcodeScanning

/**
 * Scans a plan's QR code with Google's code scanner (Play services): it draws its own
 * camera screen and needs no camera permission. Hands back the code's raw text, or null
 * when the patient cancelled or the scanner is missing. Needs Play services, so only
 * Android Studio builds this file (not the glue check here).
 */
fun scanQrCode(context: Context, onScanned: (String?) -> Unit) {
    val options = GmsBarcodeScannerOptions.Builder().setBarcodeFormats(Barcode.FORMAT_QR_CODE).build()
    GmsBarcodeScanning.getClient(context, options).startScan()
        .addOnSuccessListener { onScanned(it.rawValue) }
        .addOnCanceledListener { onScanned(null) }
        .addOnFailureListener { onScanned(null) }
}
