/*
 * calc.c - the arithmetic of a final-accounts narrative (see calc.h).
 *
 * Every percentage is one exact decimal division rounded half-up
 * (js_decimal_div), never a double: 1 of 8 is 12.50%, and a share of
 * exactly 0.125% prints 0.13% at two places.
 */
#include "calc.h"

#include "error.h"

#include <stdlib.h>
#include <string.h>

typedef __int128 i128;
typedef unsigned __int128 u128;

/* 0, or JS_EINVAL naming the bad number of decimals when not in 0..max. */
static int check_decimals(int decimals, int max)
{
    if (decimals < 0 || decimals > max)
        return js_error_set_l(JS_EINVAL, "小数位数应在0到%d之间,不是%d",
                              "decimals must be 0..%d, not %d", max, decimals);
    return 0;
}

/* 0, or JS_EINVAL when d's scale is outside 0..JS_DECIMAL_MAX_SCALE. */
static int check_scale(js_decimal d)
{
    return check_decimals(d.scale, JS_DECIMAL_MAX_SCALE);
}

/* See calc.h: part / whole x 100, rounded half-up; JS_EINVAL when whole is 0. */
int js_calc_share(js_decimal *out, js_decimal part, js_decimal whole, int decimals)
{
    int rc;
    if ((rc = check_decimals(decimals, JS_CALC_MAX_DECIMALS)) < 0)
        return rc;
    if (whole.units == 0)
        return js_error_set_l(JS_EINVAL, "合计为0,无法计算占比", "the whole is 0: no share");
    return js_decimal_div(out, part, whole, 100, decimals);
}

/* See calc.h: (current - previous) / |previous| x 100, so a rise from a
 * negative year reads as an increase; JS_EINVAL when previous is 0. */
int js_calc_change(js_decimal *out, js_decimal current, js_decimal previous, int decimals)
{
    js_decimal diff;
    int rc;

    if ((rc = check_decimals(decimals, JS_CALC_MAX_DECIMALS)) < 0)
        return rc;
    if (previous.units == 0)
        return js_error_set_l(JS_EINVAL, "上年数为0,无法计算增减率",
                              "last year is 0: no rate of change");
    if ((rc = js_decimal_sub(&diff, current, previous)) < 0)
        return rc;
    if (previous.units < 0) {
        if (previous.units == INT64_MIN)
            return js_error_set_l(JS_ERANGE, "数值超出精确计算范围", "number too large");
        previous.units = -previous.units;
    }
    return js_decimal_div(out, diff, previous, 100, decimals);
}

/* See calc.h: actual / budget x 100; JS_EINVAL when the budget is 0. */
int js_calc_completion(js_decimal *out, js_decimal actual, js_decimal budget, int decimals)
{
    int rc;
    if ((rc = check_decimals(decimals, JS_CALC_MAX_DECIMALS)) < 0)
        return rc;
    if (budget.units == 0)
        return js_error_set_l(JS_EINVAL, "预算数为0,无法计算完成率",
                              "the budget is 0: no completion rate");
    return js_decimal_div(out, actual, budget, 100, decimals);
}

/* |d| written with 2 places (no sign), into buf. */
static int format_magnitude(char *buf, size_t size, js_decimal d, int thousands)
{
    int n = js_decimal_format(buf, size, d, 2, thousands);
    if (n > 0 && buf[0] == '-')
        memmove(buf, buf + 1, (size_t)n); /* with the NUL */
    return n < 0 ? n : 0;
}

/* See calc.h: appends "增加X万元,增长Y%" (or 减少/下降, or 持平) to out, the unit
 * 万元 unless given.  An item new this year (previous 0) gets 100.00%. */
int js_calc_change_text(js_buf *out, js_decimal current, js_decimal previous, const char *unit)
{
    js_decimal diff, amount, rate;
    char amount_text[64], rate_text[64];
    int rc, up;

    if (!unit)
        unit = "万元";
    if ((rc = js_decimal_sub(&diff, current, previous)) < 0)
        return rc;
    if ((rc = js_decimal_round_half_up(&amount, diff, 2)) < 0)
        return rc;
    if (amount.units == 0)
        return js_buf_puts(out, "持平");
    up = amount.units > 0;
    if (previous.units == 0) {
        /* the reports' convention for an item that is new this year */
        rate.units = 10000;
        rate.scale = 2;
    } else if ((rc = js_calc_change(&rate, current, previous, 2)) < 0) {
        return rc;
    }
    if ((rc = format_magnitude(amount_text, sizeof(amount_text), amount, 0)) < 0 ||
        (rc = format_magnitude(rate_text, sizeof(rate_text), rate, 0)) < 0)
        return rc;
    return js_buf_printf(out, "%s%s%s,%s%s%%", up ? "增加" : "减少", amount_text, unit,
                         up ? "增长" : "下降", rate_text);
}

/* See calc.h: appends the amount at 2 places, with commas if `thousands`. */
int js_calc_amount_text(js_buf *out, js_decimal amount, int thousands)
{
    char text[64];
    int n = js_decimal_format(text, sizeof(text), amount, 2, thousands);
    if (n < 0)
        return n;
    return js_buf_put(out, text, (size_t)n);
}

typedef struct share_rank {
    int64_t remainder; /* of the exact share, in units of sum/ (100 * 10^decimals) */
    int64_t units;     /* the item at the common scale */
    size_t index;
} share_rank;

/* Larger remainder first, then larger item, then earlier item. */
static int rank_compare(const void *pa, const void *pb)
{
    const share_rank *a = pa, *b = pb;
    if (a->remainder != b->remainder)
        return a->remainder > b->remainder ? -1 : 1;
    if (a->units != b->units)
        return a->units > b->units ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index ? 1 : 0;
}

/* See calc.h: shares that add to exactly 100% (largest remainder method);
 * out has n slots owned by the caller.  The ranking array is freed here. */
int js_calc_shares(js_decimal *out, const js_decimal *items, size_t n, int decimals)
{
    share_rank *rank;
    int64_t sum = 0, target, given = 0;
    int scale = 0, rc;
    size_t i;

    if ((rc = check_decimals(decimals, JS_CALC_MAX_DECIMALS)) < 0)
        return rc;
    for (i = 0; i < n; i++) {
        if ((rc = check_scale(items[i])) < 0)
            return rc;
        if (items[i].units < 0)
            return js_error_set_l(JS_EINVAL, "第%zu项为负数,无法计算构成",
                                  "item %zu is negative: no shares", i + 1);
        if (items[i].scale > scale)
            scale = items[i].scale;
    }
    rank = malloc((n ? n : 1) * sizeof(*rank));
    if (!rank)
        return js_error_set_l(JS_ENOMEM, "内存不足", "out of memory");
    for (i = 0; i < n; i++) {
        js_decimal d;
        if ((rc = js_decimal_rescale(&d, items[i], scale)) < 0 ||
            __builtin_add_overflow(sum, d.units, &sum)) {
            free(rank);
            return rc < 0 ? rc : js_error_set_l(JS_ERANGE, "合计超出精确计算范围", "sum too large");
        }
        rank[i].units = d.units;
        rank[i].index = i;
    }
    if (sum == 0) {
        free(rank);
        return js_error_set_l(JS_EINVAL, "各项合计为0,无法计算构成",
                              "the items sum to 0: no shares");
    }
    target = 100 * js_decimal_pow10(decimals);
    for (i = 0; i < n; i++) {
        /* item * 100 * 10^decimals < 2^63 * 10^12: fits in 128 bits */
        i128 num = (i128)rank[i].units * target;
        out[i].units = (int64_t)(num / sum);
        out[i].scale = decimals;
        rank[i].remainder = (int64_t)(num % sum);
        given += out[i].units;
    }
    qsort(rank, n, sizeof(*rank), rank_compare);
    /* target - given < n: the remainders add up to that many whole units */
    for (i = 0; given < target && i < n; i++, given++)
        out[rank[i].index].units++;
    free(rank);
    return 0;
}

/* See calc.h: *ties = whether total and the sum of items differ by no more
 * than the rounding of n + 1 figures at `decimals` places could explain. */
int js_calc_sum_ties(int *ties, js_decimal total, const js_decimal *items, size_t n, int decimals)
{
    int scale = decimals, rc;
    i128 sum = 0, diff;
    u128 mag, allowed;
    size_t i;

    if ((rc = check_decimals(decimals, JS_DECIMAL_MAX_SCALE)) < 0 || (rc = check_scale(total)) < 0)
        return rc;
    if (total.scale > scale)
        scale = total.scale;
    for (i = 0; i < n; i++) {
        if ((rc = check_scale(items[i])) < 0)
            return rc;
        if (items[i].scale > scale)
            scale = items[i].scale;
    }
    /* each term < 2^63 * 10^18 < 2^123: only a sum of thousands could overflow */
    for (i = 0; i < n; i++) {
        i128 term = (i128)items[i].units * js_decimal_pow10(scale - items[i].scale);
        if (__builtin_add_overflow(sum, term, &sum))
            return js_error_set_l(JS_ERANGE, "合计超出精确计算范围", "sum too large");
    }
    if (__builtin_sub_overflow((i128)total.units * js_decimal_pow10(scale - total.scale), sum,
                               &diff))
        return js_error_set_l(JS_ERANGE, "合计超出精确计算范围", "sum too large");
    mag = diff < 0 ? (u128)0 - (u128)diff : (u128)diff;
    /* |diff| <= (n+1) * 1/2 * 10^(scale - decimals), in units of 10^-scale */
    allowed = ((u128)n + 1) * (u128)js_decimal_pow10(scale - decimals);
    *ties = mag <= allowed / 2; /* 2|diff| <= allowed, |diff| being whole */
    return 0;
}

/*
 * The digits of a subject code: spaces (ASCII, NBSP, U+3000) ignored, and
 * a number's ".0" accepted.  0, or -1 when it is not digits only or has
 * more than 9 of them.
 */
static int code_digits(char digits[16], size_t *len, const char *code)
{
    const unsigned char *p = (const unsigned char *)code;
    size_t n = 0;
    int after_point = 0;

    if (!code)
        return -1;
    while (*p) {
        if (*p == ' ' || *p == '\t') {
            p++;
        } else if (p[0] == 0xC2 && p[1] == 0xA0) {
            p += 2;
        } else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
            p += 3;
        } else if (*p == '.' && !after_point && n > 0) {
            after_point = 1;
            p++;
        } else if (*p >= '0' && *p <= '9') {
            if (after_point) {
                if (*p != '0')
                    return -1;
            } else {
                if (n >= 9)
                    return -1;
                digits[n++] = (char)*p;
            }
            p++;
        } else {
            return -1;
        }
    }
    digits[n] = '\0';
    *len = n;
    return 0;
}

/* The level of a code from its digit count; 9 digits only for "10..."
 * (revenue classification) codes. */
static js_subject_level level_of_digits(const char *digits, size_t len)
{
    switch (len) {
    case 3:
        return JS_SUBJECT_CLASS;
    case 5:
        return JS_SUBJECT_SECTION;
    case 7:
        return JS_SUBJECT_ITEM;
    case 9:
        return digits[0] == '1' && digits[1] == '0' ? JS_SUBJECT_ENTRY : JS_SUBJECT_NONE;
    default:
        return JS_SUBJECT_NONE;
    }
}

/* See calc.h: the level of a code, or JS_SUBJECT_NONE with the error set. */
js_subject_level js_subject_level_of(const char *code)
{
    char digits[16];
    size_t len;
    js_subject_level level = JS_SUBJECT_NONE;

    if (code_digits(digits, &len, code) == 0)
        level = level_of_digits(digits, len);
    if (level == JS_SUBJECT_NONE)
        js_error_set_l(JS_EINVAL, "不是科目编码:%.64s(类3位、款5位、项7位,收入分类目9位)",
                       "not a subject code: %.64s (3, 5 or 7 digits, 9 for revenue codes)",
                       code ? code : "(null)");
    return level;
}

/* See calc.h: 类/款/项/目 as a static string, "" for JS_SUBJECT_NONE. */
const char *js_subject_level_name(js_subject_level level)
{
    switch (level) {
    case JS_SUBJECT_CLASS:
        return "类";
    case JS_SUBJECT_SECTION:
        return "款";
    case JS_SUBJECT_ITEM:
        return "项";
    case JS_SUBJECT_ENTRY:
        return "目";
    default:
        return "";
    }
}

/* See calc.h: appends the parent code (the code less its last two digits,
 * spaces removed) to out; JS_EINVAL for a 类 code or a non-code. */
int js_subject_parent(js_buf *out, const char *code)
{
    char digits[16];
    size_t len;
    js_subject_level level = js_subject_level_of(code);

    if (level == JS_SUBJECT_NONE)
        return JS_EINVAL; /* message set above */
    if (level == JS_SUBJECT_CLASS)
        return js_error_set_l(JS_EINVAL, "类级科目没有上级:%.64s", "a 类 code has no parent: %.64s",
                              code);
    code_digits(digits, &len, code);
    return js_buf_put(out, digits, len - 2);
}
