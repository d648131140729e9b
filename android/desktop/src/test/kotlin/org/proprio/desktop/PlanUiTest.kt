package org.proprio.desktop

import androidx.compose.ui.geometry.Size
import androidx.compose.ui.test.ExperimentalTestApi
import androidx.compose.ui.test.SkikoComposeUiTest
import androidx.compose.ui.test.hasSetTextAction
import androidx.compose.ui.test.onNodeWithText
import androidx.compose.ui.test.performClick
import androidx.compose.ui.test.performScrollTo
import androidx.compose.ui.test.performTextInput
import androidx.compose.ui.test.runSkikoComposeUiTest
import androidx.compose.ui.unit.Density
import org.junit.Assert.assertEquals
import org.junit.Assert.assertNull
import org.junit.Test
import org.proprio.core.PlanSource
import org.proprio.ui.ProprioApp
import org.proprio.ui.Route

/** Receiving a plan through the plan screen, over the real core; the result checked through the core. */
@OptIn(ExperimentalTestApi::class)
class PlanUiTest {
    private fun app(f: Fixture, block: SkikoComposeUiTest.() -> Unit) =
        runSkikoComposeUiTest(Size(822f, 1782f), Density(2f)) {
            setContent { ProprioApp(f.core, f.shell, dark = false, start = Route.Today) }
            block()
        }

    private fun SkikoComposeUiTest.typeCode(code: String) {
        onNodeWithText("Therapist's plan").performScrollTo().performClick()
        onNodeWithText("No plan from your therapist yet.").assertExists()
        onNode(hasSetTextAction()).performTextInput(code)
        onNodeWithText("Check the code").performScrollTo().performClick()
    }

    @Test
    fun aTypedCodeIsPreviewedAndAcceptedAsThatPlan() {
        val f = Fixture()
        try {
            val code = f.therapistPlan(images = 30)
            app(f) {
                typeCode(code)
                onNodeWithText("From A. Therapist, Pain Clinic").assertExists()
                onNodeWithText("• Pictures per left/right session: 50 → 30.").performScrollTo().assertExists()
                onNodeWithText("Use this plan").performScrollTo().performClick()
                onNodeWithText("✓ Saved: this is your plan now").assertExists()
                onNodeWithText("Pictures per left/right session: 30.").performScrollTo().assertExists()
            }
            val entry = f.core.currentPlan() ?: error("no plan in force after Accept")
            assertEquals(PlanSource.CODE, entry.source)
            assertEquals("the plan in force is the one typed", code, f.core.planShareCode())
            assertEquals(30.0, f.core.parameters().first { it.key == "images_per_session" }.value, 0.0)
        } finally {
            f.close()
        }
    }

    @Test
    fun notNowAndABadCodeChangeNothing() {
        val f = Fixture()
        try {
            app(f) {
                typeCode(f.therapistPlan())
                onNodeWithText("Not now").performScrollTo().performClick()
                onNodeWithText("No plan from your therapist yet.").assertExists()
                onNode(hasSetTextAction()).performTextInput("-broken")
                onNodeWithText("Check the code").performScrollTo().performClick()
                onNodeWithText("⚠ Not read").assertExists()
            }
            assertNull(f.core.currentPlan())
        } finally {
            f.close()
        }
    }
}
