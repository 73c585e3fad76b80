package org.bucn.tracker.target;

import java.time.LocalDate;

/** Who held an office from one day to another; {@code to} is empty for the current holder. */
public record Holder(String name, LocalDate from, LocalDate to) {}
