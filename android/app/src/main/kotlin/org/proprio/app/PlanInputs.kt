package org.proprio.app

import android.content.ContentResolver
import android.content.Intent
import android.net.Uri
import android.os.Build
import android.os.Handler
import android.os.Looper
import java.io.IOException
import java.util.concurrent.Executors

/**
 * How a therapist's plan reaches the app from the platform, framework calls only (so the
 * glue check compiles it here): a document's bytes read through the ContentResolver with
 * a bound, and what a VIEW or SEND intent carries. The core reads and checks what comes
 * out (`preview_plan_file`, `preview_plan_code`); nothing here decides.
 */
object PlanInputs {
    /**
     * At most `limit` bytes of the document at `uri` (ask for the core's bound plus one, so
     * a larger file reaches the core as too large), or null if it cannot be opened.
     */
    fun readAtMost(resolver: ContentResolver, uri: Uri, limit: Long): ByteArray? = try {
        resolver.openInputStream(uri)?.use { it.readNBytes(limit.coerceAtMost(Int.MAX_VALUE.toLong()).toInt()) }
    } catch (e: IOException) {
        null
    } catch (e: SecurityException) {
        null
    }

    /** One reader thread: a plan is read at most once at a time, and never on the main thread. */
    private val reader = Executors.newSingleThreadExecutor()
    private val main = Handler(Looper.getMainLooper())

    /**
     * [readAtMost] on a background thread (a document from a cloud provider may take
     * seconds to arrive), its answer handed to `deliver` on the main thread.
     */
    fun readInBackground(resolver: ContentResolver, uri: Uri, limit: Long, deliver: (ByteArray?) -> Unit) {
        reader.execute {
            val bytes = readAtMost(resolver, uri, limit)
            main.post { deliver(bytes) }
        }
    }

    /** The text a SEND intent shares (a share code pasted into a message), if any. */
    fun sharedText(intent: Intent): String? =
        if (intent.action == Intent.ACTION_SEND) intent.getStringExtra(Intent.EXTRA_TEXT)?.takeIf { it.isNotBlank() } else null

    /** The document a VIEW intent opens, or a SEND intent shares as a stream, if any. */
    fun sharedDocument(intent: Intent): Uri? = when (intent.action) {
        Intent.ACTION_VIEW -> intent.data?.takeIf { it.scheme == ContentResolver.SCHEME_CONTENT || it.scheme == ContentResolver.SCHEME_FILE }
        Intent.ACTION_SEND ->
            if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.TIRAMISU) intent.getParcelableExtra(Intent.EXTRA_STREAM, Uri::class.java)
            else @Suppress("DEPRECATION") intent.getParcelableExtra(Intent.EXTRA_STREAM)
        else -> null
    }
}
