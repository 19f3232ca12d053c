# The checking core: no UNO, built twice (release and sanitizers).
CORE_SRC := $(sort $(wildcard $(TOP)/addin/core/*.c))
CORE_OBJ := $(patsubst $(TOP)/addin/core/%.c,$(OUT)/obj/core/%.o,$(CORE_SRC))
CORE_SAN_OBJ := $(patsubst $(TOP)/addin/core/%.c,$(OUT)/obj-san/core/%.o,$(CORE_SRC))
CORE_LIB := $(OUT)/lib/libjuesuan-core.a
CORE_SAN_LIB := $(OUT)/lib/libjuesuan-core-san.a

$(OUT)/obj/core/%.o: $(TOP)/addin/core/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_RELEASE) -MMD -MP -c $< -o $@

$(OUT)/obj-san/core/%.o: $(TOP)/addin/core/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_SAN) -MMD -MP -c $< -o $@

$(CORE_LIB): $(CORE_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && $(AR) rcs $@ $^

$(CORE_SAN_LIB): $(CORE_SAN_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && $(AR) rcs $@ $^

-include $(CORE_OBJ:.o=.d) $(CORE_SAN_OBJ:.o=.d)

ALL_TARGETS += $(CORE_LIB)
CROSS_TARGETS += $(CORE_LIB)

# .xls workbooks are read through FreeXL (Debian: libfreexl-dev; xls_read.c).
LDLIBS_CORE += $(shell $(PKG_CONFIG) --libs freexl 2>/dev/null || echo -lfreexl)
