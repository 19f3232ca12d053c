# Linux aarch64 (issue 13): the core, the CLI and juesuan.so cross-built by
# this Makefile (make -C build ARCH=aarch64 all, into build/out/aarch64/),
# and the two-platform build/out/juesuan.oxt (make -C build oxt-multi).
# test-arm64 runs the aarch64 juesuan under qemu-user against the x86-64 one
# on the samples (byte-identical output), checks the aarch64 .so is ARM
# aarch64 needing only what LibreOffice's arm64 packages bring, and installs
# the two-platform .oxt in the x86-64 LibreOffice (tests/arm64/arm64-test.sh).
# test-arm64-lo runs that .oxt inside LibreOffice's arm64 packages, emulated:
# an arm64 Debian root (tests/arm64/arm64-root.sh, cached in
# /var/cache/juesuan/arm64-root), unopkg, the add-in formula sheet and 校验
# through the dispatch (tests/arm64/arm64-lo-test.sh).  Needs root.
# Host-only: `make ARCH=aarch64` defines none of this.
ifeq ($(CROSS),)
ARM64_OUT := $(TOP)/build/out/aarch64

.PHONY: arm64 test-arm64 test-arm64-lo
arm64:
	$(MAKE) -C $(TOP)/build ARCH=aarch64 all

test-arm64: $(CLI_BIN) $(CONTENT_STAMP) arm64
	$(MAKE) -C $(TOP)/build oxt-multi
	bash $(TOP)/tests/arm64/arm64-test.sh $(OUT) $(ARM64_OUT)

TEST_TARGETS += test-arm64

test-arm64-lo: $(CLI_BIN) $(CONTENT_STAMP) arm64
	$(MAKE) -C $(TOP)/build oxt-multi
	bash $(TOP)/tests/arm64/arm64-lo-test.sh $(OUT) $(ARM64_OUT)

TEST_TARGETS += test-arm64-lo
endif
