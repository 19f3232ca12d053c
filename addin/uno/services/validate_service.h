/*
 * validate_service.h - the org.juesuan.Validator service (macro access to
 * the 决算 commands), registered in component.c.
 */
#ifndef JS_VALIDATE_SERVICE_H
#define JS_VALIDATE_SERVICE_H

#include "uno_helpers.h"

extern const char *const js_validator_services[];

/* A new Validator object (one reference for the caller). */
int js_validator_create(uno_Interface **out, uno_Interface *context);

#endif
