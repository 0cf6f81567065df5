package dev.tokbench.report;

import dev.tokbench.BadInputException;
import java.util.List;

/** A table or chart name that the report does not have; the message lists those it has. */
public class UnknownNameException extends BadInputException {
  public UnknownNameException(String kind, String name, List<String> known) {
    super("no " + kind + " '" + name + "' in this report; it has " + known);
  }
}
