package org.proprio.app

import android.content.ClipData
import android.content.Context
import android.content.Intent
import android.net.Uri
import java.io.File

/**
 * Sharing an export through Android's share sheet, framework only (the content URIs come
 * from AndroidX's FileProvider in MainActivity.kt). The core writes the files into
 * [freshExportFolder] and names them; this only hands them on.
 */

/** The FileProvider authority declared in the manifest for the exports folder. */
fun exportsAuthority(context: Context): String = "${context.packageName}.exports"

/**
 * The cache subfolder the core writes exports to share into (res/xml/file_paths.xml
 * names it). What an earlier share left there is removed first: a health record should
 * not stay in the cache longer than the next share. (A receiving app reads the file when
 * it is sent; one that holds the URI past the next share loses it.)
 */
fun freshExportFolder(context: Context): File {
    val folder = File(context.cacheDir, "exports")
    folder.listFiles()?.forEach { it.delete() }
    folder.mkdirs()
    return folder
}

/**
 * The chooser for one file (ACTION_SEND) or several (ACTION_SEND_MULTIPLE, the CSV
 * tables), of the MIME type the core gave, with read access granted to the app chosen:
 * the URIs go in the ClipData as well as EXTRA_STREAM, which is what the grant flag
 * covers (and what the chooser passes on).
 */
fun shareChooser(uris: List<Uri>, mime: String, title: String): Intent {
    require(uris.isNotEmpty()) { "nothing to share" }
    val send = if (uris.size == 1) {
        Intent(Intent.ACTION_SEND).putExtra(Intent.EXTRA_STREAM, uris[0])
    } else {
        Intent(Intent.ACTION_SEND_MULTIPLE).putParcelableArrayListExtra(Intent.EXTRA_STREAM, ArrayList(uris))
    }
    send.type = mime
    send.clipData = ClipData.newRawUri(null, uris[0]).also { clip ->
        for (uri in uris.drop(1)) clip.addItem(ClipData.Item(uri))
    }
    send.addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
    return Intent.createChooser(send, title).addFlags(Intent.FLAG_GRANT_READ_URI_PERMISSION)
}
