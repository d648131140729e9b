package org.proprio.ui

import androidx.compose.ui.text.style.TextAlign
import androidx.compose.foundation.Image
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.size
import androidx.compose.material3.Button
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.Text
import androidx.compose.runtime.Composable
import androidx.compose.runtime.getValue
import androidx.compose.runtime.mutableStateOf
import androidx.compose.runtime.remember
import androidx.compose.runtime.setValue
import androidx.compose.ui.Modifier
import androidx.compose.ui.graphics.ImageBitmap
import androidx.compose.ui.unit.dp
import org.proprio.core.AffectedArea
import org.proprio.core.BodyPart
import org.proprio.core.Handedness
import org.proprio.core.Profile
import org.proprio.core.ProfileUpdate
import org.proprio.core.Side

/** Which sides hurt: one of them, or both. */
internal enum class AffectedChoice(val sides: List<Side>) {
    LEFT(listOf(Side.LEFT)),
    RIGHT(listOf(Side.RIGHT)),
    BOTH(listOf(Side.LEFT, Side.RIGHT)),
}

/**
 * The profile: the painful body part and side, handedness and the skin tone of every
 * picture. `sample` draws a picture at a skin tone so the patient sees what they pick.
 */
@Composable
fun OnboardingScreen(
    profile: Profile,
    error: String?,
    sample: (UByte) -> ImageBitmap?,
    onSave: (ProfileUpdate) -> Unit,
    onBack: (() -> Unit)?,
) {
    val first = profile.affected.firstOrNull()
    var part by remember { mutableStateOf(first?.bodyPart ?: BodyPart.HAND) }
    var sides by remember {
        val current = profile.affected.filter { it.bodyPart == part }.map { it.side }.toSet()
        mutableStateOf(AffectedChoice.entries.firstOrNull { it.sides.toSet() == current })
    }
    var hand by remember { mutableStateOf(profile.handedness) }
    var tone by remember { mutableStateOf(profile.skinTone) }

    ScreenScaffold(title = "Your profile", onBack = onBack) {
        Text("Code for your therapist: ${profile.code}", style = MaterialTheme.typography.bodyLarge)
        SectionTitle("Where is the pain?")
        ChoiceRow(BodyPart.entries, { it == part }, { words(it.name) }) { part = it }
        SectionTitle("Which side?")
        ChoiceRow(AffectedChoice.entries, { it == sides }, { words(it.name) }) { sides = it }
        SectionTitle("Which hand do you write with?")
        ChoiceRow(Handedness.entries, { it == hand }, { words(it.name) }) { hand = it }
        SectionTitle("Skin tone of the pictures")
        ChoiceRow((0..5).map { it.toUByte() }, { it == tone }, { "${it.toInt() + 1}" }) { tone = it }
        sample(tone)?.let { picture ->
            Image(picture, contentDescription = "Sample picture at skin tone ${tone.toInt() + 1}", modifier = Modifier.size(160.dp))
        }
        ErrorText(error)
        Button(
            onClick = {
                val affected = sides?.sides?.map { AffectedArea(part, it) }
                onSave(ProfileUpdate(affected = affected, handedness = hand, skinTone = tone))
            },
            modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
        ) { Text("Save", textAlign = TextAlign.Center) }
    }
}
