/** Deterministic data sets: the demo data and, scaled up, benchmark data. */
@NullMarked
package io.roamdesk.demo;

import org.jspecify.annotations.NullMarked;
