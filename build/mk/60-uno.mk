# The native UNO component (binary UNO C ABI, no C++), its type library and
# the extension build/out/juesuan.oxt.
#
#   juesuan.so   addin/uno/**/*.c + the core, exporting only component_*
#   types/*.rdb  one per idl/org/juesuan/*.idl (interfaces first, services
#                against them; unoidl-write cannot merge them all at once)
#   juesuan.oxt  description.xml, META-INF/manifest.xml (generated: every
#                platform's .components, every .rdb and every xcu/*.xcu),
#                icons, LICENSE.txt, addin/content/ as content/, and per
#                platform of OXT_PLATFORMS platform/<p>/juesuan.so with its
#                platform/<p>/juesuan.components
#   make -C build xcu   regenerates xcu/CalcAddIns.xcu from functions_info.c
#   make -C build oxt-multi   juesuan.oxt for Linux x86-64 and aarch64: the
#                aarch64 .so cross-built (make ARCH=aarch64) into build/out/aarch64/
#
# OXT_PLATFORMS: LibreOffice's platform tokens (linux_<uname -m>); the host's
# by default, so `make all` needs no cross compiler.  Any other one's .so is
# built by `make ARCH=<arch>` into build/out/<arch>/oxt/.
SDK := /usr/lib/libreoffice/sdk
LO_PROGRAM := /usr/lib/libreoffice/program
JS_VERSION := 0.1.0
# Cross-built (ARCH=aarch64): the UNO libraries of that architecture's
# LibreOffice packages and its sal/typesizes.h (the one arch-specific SDK
# header), extracted by build/uno-libs.sh into $(OUT)/sysroot.
ifeq ($(CROSS),)
UNO_SYSROOT_STAMP :=
UNO_ARCH_INC :=
UNO_LIBS := -L$(SDK)/lib -luno_cppu -luno_sal
else
UNO_SYSROOT := $(OUT)/sysroot
UNO_SYSROOT_STAMP := $(UNO_SYSROOT)/.stamp
UNO_ARCH_INC := -I$(UNO_SYSROOT)/usr/include/$(ARCH)-linux-gnu/libreoffice
UNO_LIBS := -L$(UNO_SYSROOT)/usr/lib/libreoffice/sdk/lib \
	-Wl,-rpath-link=$(UNO_SYSROOT)/usr/lib/libreoffice/program -luno_cppu -luno_sal

$(UNO_SYSROOT_STAMP): $(TOP)/build/uno-libs.sh
	bash $(TOP)/build/uno-libs.sh $(ARCH) $(UNO_SYSROOT)
endif
# -Wno-format-truncation: snprintf into PATH_MAX buffers truncating is the safe
# outcome; gcc -O2 flags every such call.
# The UNO layer's folders (commands/, marks/, results/, read/, services/,
# functions/, ui/ and the helpers at its top) are all on the include path.
UNO_DIRS := $(TOP)/addin/uno $(patsubst %/,%,$(sort $(dir $(wildcard $(TOP)/addin/uno/*/*.[ch]))))
UNO_CFLAGS := $(CFLAGS_RELEASE) -DLINUX -DUNX $(UNO_ARCH_INC) -I$(SDK)/include $(UNO_DIRS:%=-I%) \
	-fvisibility=hidden -Wno-format-truncation

UNO_SRC := $(sort $(wildcard $(TOP)/addin/uno/*.c $(TOP)/addin/uno/*/*.c))
UNO_OBJ := $(patsubst $(TOP)/addin/uno/%.c,$(OUT)/obj/uno/%.o,$(UNO_SRC))
UNO_SO := $(OUT)/oxt/juesuan.so
OXT := $(OUT)/juesuan.oxt
OXT_STAGE := $(OUT)/oxt/stage
IDL_SRC := $(sort $(wildcard $(TOP)/idl/org/juesuan/*.idl))
IDL_IFACES := $(filter $(TOP)/idl/org/juesuan/X%,$(IDL_SRC))
IDL_SERVICES := $(filter-out $(IDL_IFACES),$(IDL_SRC))
RDB_IFACES := $(patsubst $(TOP)/idl/org/juesuan/%.idl,$(OUT)/oxt/types/%.rdb,$(IDL_IFACES))
RDB_SERVICES := $(patsubst $(TOP)/idl/org/juesuan/%.idl,$(OUT)/oxt/types/%.rdb,$(IDL_SERVICES))
OFFICE_RDB := $(LO_PROGRAM)/types.rdb $(LO_PROGRAM)/types/offapi.rdb
GENXCU := $(OUT)/bin/js-genxcu
OXT_FILES := $(shell find $(TOP)/build/oxt $(TOP)/xcu $(TOP)/addin/content -type f 2>/dev/null)
OXT_PLATFORMS ?= linux_$(HOST_ARCH)
OXT_MULTI_PLATFORMS := linux_x86_64 linux_aarch64
# $(call oxt_so,PLATFORM): the juesuan.so that goes into platform/PLATFORM/.
oxt_so = $(if $(filter linux_$(HOST_ARCH),$(1)),$(TOP)/build/out/oxt/juesuan.so,$(TOP)/build/out/$(patsubst linux_%,%,$(1))/oxt/juesuan.so)
OXT_SOS := $(foreach p,$(OXT_PLATFORMS),$(call oxt_so,$(p)))
OXT_COMMA := ,
OXT_EMPTY :=
OXT_PLATFORM_LIST := $(subst $(OXT_EMPTY) $(OXT_EMPTY),$(OXT_COMMA),$(strip $(OXT_PLATFORMS)))

$(OUT)/obj/uno/%.o: $(TOP)/addin/uno/%.c | $(UNO_SYSROOT_STAMP)
	@mkdir -p $(dir $@)
	$(CC) $(UNO_CFLAGS) -MMD -MP -c $< -o $@

# FreeXL goes into juesuan.so itself (Debian's libfreexl.a is position-
# independent; it needs only libc and libm), and libzip is opened when a
# command first needs it (helpers/zip_lazy.c): a desktop without libfreexl1
# or libzip4 still loads the extension.  The CLI links both as shared
# libraries.
UNO_LDLIBS = $(filter-out $(ZIP_LIBS),$(patsubst -lfreexl,-l:libfreexl.a,$(LDLIBS_CORE)))

# -Wl,-z,defs: a symbol missing from the core fails the link here, not the
# user's first click in LibreOffice.
$(UNO_SO): $(UNO_OBJ) $(CORE_LIB) $(TOP)/build/oxt/juesuan.map | $(UNO_SYSROOT_STAMP)
	@mkdir -p $(dir $@)
	$(CC) -shared -o $@ $(UNO_OBJ) $(CORE_LIB) $(UNO_LIBS) $(UNO_LDLIBS) \
		-Wl,--version-script=$(TOP)/build/oxt/juesuan.map -Wl,-z,defs

$(OUT)/oxt/types/X%.rdb: $(TOP)/idl/org/juesuan/X%.idl
	@mkdir -p $(dir $@)
	$(SDK)/bin/unoidl-write $(OFFICE_RDB) $< $@

$(RDB_SERVICES): $(OUT)/oxt/types/%.rdb: $(TOP)/idl/org/juesuan/%.idl $(RDB_IFACES)
	@mkdir -p $(dir $@)
	$(SDK)/bin/unoidl-write $(OFFICE_RDB) $(RDB_IFACES) $< $@

$(GENXCU): $(TOP)/build/oxt/genxcu.c $(TOP)/addin/uno/functions/functions_info.c $(TOP)/addin/uno/functions/functions_info.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_RELEASE) -I$(TOP)/addin/uno/functions -o $@ $< $(TOP)/addin/uno/functions/functions_info.c

# Rebuild the .oxt when the platform list changes, not only the sources.
$(OUT)/oxt/platforms: FORCE
	@mkdir -p $(dir $@)
	@echo "$(OXT_PLATFORMS)" | cmp -s - $@ || echo "$(OXT_PLATFORMS)" >$@

ifeq ($(CROSS),)
# Another architecture's component: the same Makefile, cross-building.
$(TOP)/build/out/%/oxt/juesuan.so: FORCE
	$(MAKE) -C $(TOP)/build ARCH=$* $@
endif

$(OXT): $(OXT_SOS) $(OUT)/oxt/platforms $(RDB_IFACES) $(RDB_SERVICES) $(OXT_FILES)
	rm -rf $(OXT_STAGE) && mkdir -p $(OXT_STAGE)/types $(OXT_STAGE)/xcu $(OXT_STAGE)/icons
	$(foreach p,$(OXT_PLATFORMS),mkdir -p $(OXT_STAGE)/platform/$(p) && \
		cp $(call oxt_so,$(p)) $(TOP)/build/oxt/juesuan.components $(OXT_STAGE)/platform/$(p)/ &&) true
	cp $(TOP)/build/oxt/LICENSE.txt $(OXT_STAGE)/
	sed -e 's/@VERSION@/$(JS_VERSION)/' -e 's/@PLATFORMS@/$(OXT_PLATFORM_LIST)/' \
		$(TOP)/build/oxt/description.xml >$(OXT_STAGE)/description.xml
	cp -r $(TOP)/build/oxt/description $(OXT_STAGE)/
	cp $(TOP)/build/oxt/juesuan.png $(OXT_STAGE)/icons/
	cp $(TOP)/build/oxt/icons/*.png $(OXT_STAGE)/icons/ 2>/dev/null || true
	cp $(RDB_IFACES) $(RDB_SERVICES) $(OXT_STAGE)/types/
	cp $(TOP)/xcu/*.xcu $(OXT_STAGE)/xcu/
	mkdir -p $(OXT_STAGE)/content && cp -r $(TOP)/addin/content/. $(OXT_STAGE)/content/
	bash $(TOP)/build/oxt/make-manifest.sh $(OXT_STAGE)
	rm -f $@ && cd $(OXT_STAGE) && zip -qr -X $@ META-INF description.xml .

.PHONY: xcu oxt oxt-multi
oxt: $(OXT)

oxt-multi:
	$(MAKE) -C $(TOP)/build OXT_PLATFORMS='$(OXT_MULTI_PLATFORMS)' $(OXT)

xcu: $(GENXCU)
	$(GENXCU) >$(TOP)/xcu/CalcAddIns.xcu

-include $(UNO_OBJ:.o=.d)

ALL_TARGETS += $(OXT) $(GENXCU)
CROSS_TARGETS += $(UNO_SO)

# The add-in in a real LibreOffice (tests/lo/addin-test.sh).
.PHONY: test-addin
test-addin: $(OXT) $(GENXCU)
	bash $(TOP)/tests/lo/addin-test.sh $(OUT)

TEST_TARGETS += test-addin

# Benchmark (not a test): 100,000 SHARE calls against ROUND(A/B*100;2).
.PHONY: bench-addin
bench-addin: $(OXT)
	bash $(TOP)/tests/bench/addin-bench.sh $(OUT)

# The add-in test spreadsheet under valgrind (slow; not part of `test`).
.PHONY: valgrind-addin
valgrind-addin: $(OXT)
	bash $(TOP)/tests/lo/addin-valgrind.sh $(OUT)
