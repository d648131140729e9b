package org.proprio.core.test

import org.junit.runner.Description
import org.junit.runner.JUnitCore
import org.junit.runner.notification.Failure
import org.junit.runner.notification.RunListener
import kotlin.system.exitProcess

/** Stack frames of the test machinery itself, left out of failure traces. */
private val noise = Regex("""at (org\.junit\.|java\.base/(jdk\.internal\.reflect|java\.lang\.reflect)\.|org\.proprio\.core\.test\.RunTestsKt)""")

/**
 * Runs the JUnit 4 test classes named on the command line, one line per test, then the
 * failures with their stack traces, then the summary line CI reads: `N passed, N failed`.
 */
fun main(args: Array<String>) {
    val failed = mutableSetOf<Description>()
    val started = mutableMapOf<Description, Long>()
    var passed = 0
    val core = JUnitCore()
    core.addListener(object : RunListener() {
        override fun testStarted(description: Description) {
            started[description] = System.nanoTime()
        }

        override fun testFailure(failure: Failure) {
            failed += failure.description
        }

        override fun testFinished(description: Description) {
            val ms = (System.nanoTime() - (started[description] ?: System.nanoTime())) / 1_000_000
            val mark = if (description in failed) "FAIL" else "ok  ".also { passed++ }
            println("$mark ${description.testClass?.simpleName}.${description.methodName} ($ms ms)")
        }
    })
    val result = core.run(*args.map { Class.forName(it) }.toTypedArray())
    for (failure in result.failures) {
        println()
        println("--- ${failure.testHeader}")
        println(failure.trace.lineSequence().filterNot { noise.containsMatchIn(it) }
            .joinToString("\n").trimEnd())
    }
    // A class that fails to load or set up fails without any test having run.
    val failures = maxOf(result.failureCount, if (result.runCount == 0) 1 else 0)
    println()
    if (result.runCount == 0) println("no tests ran")
    println("$passed passed, $failures failed")
    exitProcess(if (failures == 0) 0 else 1)
}
