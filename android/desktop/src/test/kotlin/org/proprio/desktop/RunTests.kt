package org.proprio.desktop

import org.junit.runner.Description
import org.junit.runner.JUnitCore
import org.junit.runner.notification.Failure
import org.junit.runner.notification.RunListener
import kotlin.system.exitProcess

/**
 * Runs the JUnit classes named on the command line, one line per test, and ends with
 * "N passed, N failed" (tests/compose/run.sh and CI read that line).
 */
fun main(args: Array<String>) {
    val core = JUnitCore()
    var failed = 0
    var run = 0
    core.addListener(object : RunListener() {
        private var current: Failure? = null
        override fun testStarted(description: Description) { current = null }
        override fun testFailure(failure: Failure) {
            current = failure
            failed++
        }
        override fun testFinished(description: Description) {
            run++
            val f = current
            if (f == null) println("ok    ${description.className}.${description.methodName}")
            else println("FAIL  ${description.className}.${description.methodName}\n${f.trace}")
        }
    })
    core.run(*args.map { Class.forName(it) }.toTypedArray())
    println("${run - failed} passed, $failed failed")
    exitProcess(if (failed == 0 && run > 0) 0 else 1)
}
