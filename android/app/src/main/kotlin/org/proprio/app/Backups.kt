package org.proprio.app

import android.content.ContentResolver
import android.net.Uri
import android.os.Handler
import android.os.Looper
import android.provider.OpenableColumns
import java.io.File
import java.io.IOException
import java.util.concurrent.Executors

/**
 * A backup file picked for the restore screen, as a path the core can open: the document
 * copied through the ContentResolver into the app's cache (`cacheDir/restore/`, named as
 * the document is, else "backup"), bounded, off the main thread. Framework calls only, so
 * the glue check compiles it here. The core reads, bounds and checks the copy
 * (`restore_backup_file`); nothing here decides. The copy is deleted when the restore
 * screen is done with it ([delete]: after a restore, or when the screen is left) and the
 * folder emptied at each launch and before each new copy, so no backup outlives its use.
 */
object Backups {
    /** The folder the copies go in, inside the app's cache. */
    fun folder(cacheDir: File) = File(cacheDir, "restore")

    /**
     * Copies at most `limit` bytes of the document at `uri` into [folder] (ask for the
     * core's bound plus one, so a larger file reaches the core as too large) and returns
     * the copy, or null if the document cannot be opened or read. The copy is written
     * beside the others and only then replaces them, so a failed copy leaves the file
     * chosen before as it was.
     */
    fun copyAtMost(resolver: ContentResolver, uri: Uri, cacheDir: File, limit: Long): File? {
        val dir = folder(cacheDir)
        val partial = File(dir, ".partial")
        return try {
            if (!dir.isDirectory && !dir.mkdirs()) return null
            val copied = resolver.openInputStream(uri)?.use { input ->
                partial.outputStream().use { output ->
                    val buffer = ByteArray(64 * 1024)
                    var left = limit
                    while (left > 0) {
                        val n = input.read(buffer, 0, minOf(buffer.size.toLong(), left).toInt())
                        if (n < 0) break
                        output.write(buffer, 0, n)
                        left -= n
                    }
                }
                true
            } ?: false
            if (!copied) {
                partial.delete()
                return null
            }
            dir.listFiles()?.filter { it != partial }?.forEach { it.delete() }
            val target = File(dir, nameOf(resolver, uri))
            if (partial.renameTo(target)) target else null.also { partial.delete() }
        } catch (e: IOException) {
            partial.delete()
            null
        } catch (e: SecurityException) {
            partial.delete()
            null
        }
    }

    /** The document's display name, made a plain file name; "backup" when it has none. */
    fun nameOf(resolver: ContentResolver, uri: Uri): String {
        val shown = try {
            resolver.query(uri, arrayOf(OpenableColumns.DISPLAY_NAME), null, null, null)?.use { c ->
                val column = c.getColumnIndex(OpenableColumns.DISPLAY_NAME)
                if (column >= 0 && c.moveToFirst()) c.getString(column) else null
            }
        } catch (e: RuntimeException) {
            null
        }
        val name = shown?.replace('/', '_')?.replace('\u0000', '_')?.trim()?.trimStart('.')?.take(120)
        return if (name.isNullOrEmpty()) "backup" else name
    }

    /** One copier thread: a backup is copied at most once at a time, never on the main thread. */
    private val copier = Executors.newSingleThreadExecutor()
    private val main = Handler(Looper.getMainLooper())

    /**
     * [copyAtMost] on a background thread (a document from a cloud provider may take a
     * while to arrive, and a backup may be large), the copy's path handed to `deliver`
     * on the main thread.
     */
    fun copyInBackground(resolver: ContentResolver, uri: Uri, cacheDir: File, limit: Long, deliver: (String?) -> Unit) {
        copier.execute {
            val path = copyAtMost(resolver, uri, cacheDir, limit)?.path
            main.post { deliver(path) }
        }
    }

    /** Deletes a copy this object made (only files in [folder]; any other path is left alone). */
    fun delete(path: String, cacheDir: File) {
        copier.execute {
            val file = File(path)
            if (file.parentFile?.canonicalFile == folder(cacheDir).canonicalFile) file.delete()
        }
    }

    /** Empties [folder] (at launch: a copy left by a process that was ended before it was done). */
    fun clear(cacheDir: File) {
        copier.execute { folder(cacheDir).listFiles()?.forEach { it.delete() } }
    }
}
