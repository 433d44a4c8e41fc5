/* A test harness in a header: CHECK counts and reports failures; main returns their number. */
#ifndef PERCUSS_CHECK_H
#define PERCUSS_CHECK_H

#include <stdio.h>

static int check_failures;
static int check_count;

#define CHECK(cond, ...) do { \
        check_count++; \
        if (!(cond)) { \
            check_failures++; \
            fprintf(stderr, "%s:%d: FAILED: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__); \
            fputc('\n', stderr); \
        } \
    } while (0)

#define CHECK_EQ(actual, expected, what) do { \
        long long a_ = (long long)(actual), e_ = (long long)(expected); \
        CHECK(a_ == e_, "%s: expected %lld, got %lld", what, e_, a_); \
    } while (0)

static inline int check_report(const char *suite)
{
    printf("%s: %d checks, %d failed\n", suite, check_count, check_failures);
    return check_failures != 0;
}

#endif
