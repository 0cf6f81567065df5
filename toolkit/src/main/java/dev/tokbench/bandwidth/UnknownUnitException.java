package dev.tokbench.bandwidth;

import dev.tokbench.BadInputException;

/** A unit symbol that tokbench does not know, e.g. {@code "GBs"} where {@code GB} was meant. */
public class UnknownUnitException extends BadInputException {
  public UnknownUnitException(String unit, String known) {
    super("unknown unit '" + unit + "', expected one of " + known);
  }

  /** With the place it was found, e.g. {@code quoted.csv:4: column 'unit'}. */
  public UnknownUnitException(String where, String unit, String known) {
    super(where + ": unknown unit '" + unit + "', expected one of " + known);
  }
}
