// The Android app: open this folder (android/) in Android Studio.
//   :core  the Rust core built for the phone ABIs (cargo-ndk) and its uniffi Kotlin bindings
//   :ui    the screens, Compose with no android.* import (the desktop app compiles the same files)
//   :app   the Activity, notifications and the rest of the OS glue
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "Proprio"
include(":core", ":ui", ":app")
