/* Calls the core through the C ABI the Swift bindings use; see header_smoke.sh. */
#include <stdio.h>
#include <stdlib.h>

#include "ProprioCoreFFI.h"

struct checksum {
    const char *name;
    uint16_t (*get)(void);
    uint16_t expected;
};

#include "symbols.inc"

int main(void) {
    int failed = 0;

    uint32_t version = ffi_proprio_core_uniffi_contract_version();
    if (version != EXPECTED_CONTRACT_VERSION) {
        fprintf(stderr, "contract version: library %u, Swift bindings %u\n", version,
                EXPECTED_CONTRACT_VERSION);
        failed++;
    }

    size_t n_checksums = 0;
    for (const struct checksum *c = checksums; c->name; c++, n_checksums++) {
        if (c->get() != c->expected) {
            fprintf(stderr, "checksum %s: library %u, Swift bindings %u\n", c->name, c->get(),
                    c->expected);
            failed++;
        }
    }

    RustCallStatus status = {0};
    RustBuffer buf = ffi_proprio_core_rustbuffer_alloc(64, &status);
    if (status.code != 0 || buf.data == NULL || buf.capacity < 64) {
        fprintf(stderr, "rustbuffer_alloc: status %d, capacity %llu\n", status.code,
                (unsigned long long)buf.capacity);
        failed++;
    } else {
        buf.data[0] = 42;
        ffi_proprio_core_rustbuffer_free(buf, &status);
        if (status.code != 0) {
            fprintf(stderr, "rustbuffer_free: status %d\n", status.code);
            failed++;
        }
    }

    size_t n_functions = sizeof ffi_functions / sizeof ffi_functions[0];
    for (size_t i = 0; i < n_functions; i++) {
        if (ffi_functions[i] == NULL) failed++;
    }

    printf("Swift FFI header smoke: %zu functions linked, contract version %u, %zu checksums, %s\n",
           n_functions, version, n_checksums, failed ? "FAILED" : "ok");
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
