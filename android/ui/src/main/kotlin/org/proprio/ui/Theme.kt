package org.proprio.ui

import androidx.compose.material3.MaterialTheme
import androidx.compose.material3.darkColorScheme
import androidx.compose.material3.lightColorScheme
import androidx.compose.runtime.Composable
import androidx.compose.ui.graphics.Color

private val Light = lightColorScheme(
    primary = Color(0xFF1E5AA8),
    onPrimary = Color.White,
    secondary = Color(0xFF5A4FA0),
    onSecondary = Color.White,
    error = Color(0xFFB3261E),
)

private val Dark = darkColorScheme(
    primary = Color(0xFFA8C8FF),
    onPrimary = Color(0xFF00305F),
    secondary = Color(0xFFC9BFFF),
    onSecondary = Color(0xFF2E2476),
    error = Color(0xFFF2B8B5),
)

@Composable
fun ProprioTheme(dark: Boolean, content: @Composable () -> Unit) {
    MaterialTheme(colorScheme = if (dark) Dark else Light, content = content)
}
