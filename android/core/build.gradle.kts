// The Rust core for the phone: cargo-ndk builds libproprio_core.so for each ABI into
// jniLibs, and uniffi-bindgen generates its Kotlin bindings (with android = true) from
// the arm64 library. Needs cargo, cargo-ndk (`cargo install cargo-ndk`), the Rust
// targets (`rustup target add aarch64-linux-android armv7-linux-androideabi
// x86_64-linux-android`) and the NDK version below (Android Studio's SDK Manager).
plugins {
    alias(libs.plugins.android.library)
    alias(libs.plugins.kotlin.android)
}

val repo: File = rootDir.parentFile
val abis = listOf("arm64-v8a", "armeabi-v7a", "x86_64")
val jniLibsDir = layout.buildDirectory.dir("rust/jniLibs")
val bindingsDir = layout.buildDirectory.dir("generated/uniffi/kotlin")
val androidUniffiToml = layout.buildDirectory.file("rust/uniffi-android.toml")

android {
    namespace = "org.proprio.core"
    compileSdk = libs.versions.compileSdk.get().toInt()
    ndkVersion = "27.2.12479018"
    defaultConfig {
        minSdk = libs.versions.minSdk.get().toInt()
        consumerProguardFiles("consumer-rules.pro")
    }
    sourceSets["main"].jniLibs.srcDir(jniLibsDir)
    sourceSets["main"].kotlin.srcDir(bindingsDir)
    compileOptions {
        sourceCompatibility = JavaVersion.VERSION_17
        targetCompatibility = JavaVersion.VERSION_17
    }
}

kotlin { jvmToolchain(17) }

val cargoNdk by tasks.registering(Exec::class) {
    description = "Builds the core for ${abis.joinToString()} with cargo-ndk."
    workingDir = repo
    inputs.dir(repo.resolve("core/src"))
    inputs.files(repo.resolve("core/Cargo.toml"), repo.resolve("Cargo.toml"), repo.resolve("Cargo.lock"))
    outputs.dir(jniLibsDir)
    environment("ANDROID_NDK_HOME", android.ndkDirectory.absolutePath)
    commandLine(
        listOf("cargo", "ndk") + abis.flatMap { listOf("-t", it) } +
            listOf("--platform", libs.versions.minSdk.get(), "-o", jniLibsDir.get().asFile.path) +
            listOf("build", "--release", "--locked", "-p", "proprio-core"),
    )
}

// The repository's uniffi.toml with `android = true`: the only difference from the
// bindings the JVM tests and the desktop app use.
val uniffiAndroidConfig by tasks.registering {
    val source = repo.resolve("uniffi.toml")
    inputs.file(source)
    outputs.file(androidUniffiToml)
    doLast {
        val text = source.readText()
        check(Regex("(?m)^android = false$").containsMatchIn(text)) { "uniffi.toml has no line 'android = false'" }
        androidUniffiToml.get().asFile.writeText(text.replace(Regex("(?m)^android = false$"), "android = true"))
    }
}

val uniffiBindings by tasks.registering(Exec::class) {
    description = "Generates the Kotlin bindings (android = true) from the arm64 library."
    dependsOn(cargoNdk, uniffiAndroidConfig)
    workingDir = repo
    val library = jniLibsDir.map { it.file("arm64-v8a/libproprio_core.so") }
    inputs.file(library)
    inputs.file(androidUniffiToml)
    outputs.dir(bindingsDir)
    commandLine(
        "cargo", "run", "--locked", "--workspace", "--bin", "uniffi-bindgen", "--",
        "generate", library.get().asFile.path, "--language", "kotlin",
        "--config", androidUniffiToml.get().asFile.path, "--out-dir", bindingsDir.get().asFile.path, "--no-format",
    )
}

tasks.named("preBuild") { dependsOn(uniffiBindings) }

dependencies {
    // The Android JNA: the jar plus libjnidispatch.so for every ABI.
    api(libs.jna) { artifact { type = "aar" } }
}
