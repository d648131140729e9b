package org.proprio.ui

import androidx.compose.ui.text.style.TextAlign
import androidx.compose.foundation.Image
import androidx.compose.foundation.layout.fillMaxWidth
import androidx.compose.foundation.layout.heightIn
import androidx.compose.foundation.layout.size
import androidx.compose.foundation.layout.padding
import androidx.compose.material3.Button
import androidx.compose.material3.Card
import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.OutlinedButton
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
import org.proprio.core.Profile
import org.proprio.core.ProfileUpdate
import org.proprio.core.OnboardingForm
import org.proprio.core.StimulusSpec

/**
 * The profile: the painful body part and side, handedness and the skin tone of every
 * picture, with the choices, questions and the "check with a clinician first" note the
 * core's form gives. `sample` draws a tone's sample picture so the patient sees it.
 */
@Composable
fun OnboardingScreen(
    profile: Profile,
    form: OnboardingForm,
    error: String?,
    sample: (StimulusSpec) -> ImageBitmap?,
    onSave: (ProfileUpdate) -> Unit,
    onBack: (() -> Unit)?,
    onRestore: (() -> Unit)? = null,
) {
    val first = profile.affected.firstOrNull()
    var part by remember { mutableStateOf(first?.bodyPart ?: form.bodyParts.first().bodyPart) }
    var sides by remember {
        val current = profile.affected.filter { it.bodyPart == part }.map { it.side }.toSet()
        mutableStateOf(form.sides.firstOrNull { it.sides.toSet() == current })
    }
    var hand by remember { mutableStateOf(profile.handedness) }
    var tone by remember { mutableStateOf(form.skinTones.first { it.tone == profile.skinTone }) }

    ScreenScaffold(title = "Your profile", onBack = onBack) {
        Text(form.codeText, style = MaterialTheme.typography.bodyLarge)
        // On first run (a new phone): bring everything back from a backup instead, first
        // on the screen so that no one fills in a profile the backup would replace.
        if (onRestore != null) {
            OutlinedButton(
                onClick = onRestore,
                modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
            ) { Text(destinationLabel(Destination.RESTORE), textAlign = TextAlign.Center) }
        }
        // Who should check with a clinician first: set apart, so it is read before the choices.
        Card(modifier = Modifier.fillMaxWidth()) {
            Text(form.checkFirst, style = MaterialTheme.typography.bodyMedium, modifier = Modifier.padding(16.dp))
        }
        SectionTitle(form.bodyPartQuestion)
        ChoiceRow(form.bodyParts, { it.bodyPart == part }, { it.label }) { part = it.bodyPart }
        SectionTitle(form.sidesQuestion)
        ChoiceRow(form.sides, { it == sides }, { it.label }) { sides = it }
        SectionTitle(form.handednessQuestion)
        ChoiceRow(form.handedness, { it.handedness == hand }, { it.label }) { hand = it.handedness }
        SectionTitle(form.skinToneQuestion)
        ChoiceRow(form.skinTones, { it == tone }, { it.label }) { tone = it }
        sample(tone.sample)?.let { picture ->
            Image(picture, contentDescription = tone.sampleLabel, modifier = Modifier.size(160.dp))
        }
        ErrorText(error)
        Button(
            onClick = {
                val affected = sides?.sides?.map { AffectedArea(part, it) }
                onSave(ProfileUpdate(affected = affected, handedness = hand, skinTone = tone.tone))
            },
            modifier = Modifier.fillMaxWidth().heightIn(min = 56.dp),
        ) { Text("Save", textAlign = TextAlign.Center) }
    }
}
