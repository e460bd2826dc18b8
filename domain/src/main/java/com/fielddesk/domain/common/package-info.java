/**
 * Values every feature shares: {@link com.fielddesk.domain.common.Money} and its rounding rule, the
 * company's time zone, roles, coded values that keep codes the console does not know, field errors.
 * Depends on no feature package.
 */
package com.fielddesk.domain.common;
