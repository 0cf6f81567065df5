package dev.tokbench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What tokbench writes down instead of a secret. Provenance records the environment a run sets and
 * its command line, in results files, sweep stores, run logs and reports, which people publish; so
 * the values of names that look like credentials (a word of the name, between {@code _}, {@code -}
 * or {@code .}, that is or ends in TOKEN, KEY, SECRET, PASSWORD, PASSWD, CREDENTIAL(S) or is AUTH:
 * {@code HF_TOKEN}, {@code HUGGING_FACE_HUB_TOKEN}, {@code OPENAI_API_KEY}, {@code --api-key
 * VALUE}, {@code AWS_SECRET_ACCESS_KEY}; not {@code --max-tokens} or {@code
 * TOKENIZERS_PARALLELISM}, whose values a benchmark needs on record), the password of a URL ({@code
 * https://user:pw@host}) and the value of an {@code Authorization:} header or a {@code Bearer}
 * token are replaced by {@value #REDACTED}. The one place this is decided: {@code
 * ProcessSpec.commandLine()} and {@code RunProvenance} call it, and so does every other writer of a
 * command line, environment or URL.
 */
public final class Secrets {
  /** What a secret's value is written as. */
  public static final String REDACTED = "<redacted>";

  private static final Pattern SECRET_WORD =
      Pattern.compile(
          "(API|ACCESS|AUTH|HF|PRIVATE|SECRET)?(TOKEN|KEY)|SECRET|PASSWORD|PASSWD|CREDENTIALS?|AUTH");
  // scheme://user:password@host -- the user is kept, the password is not
  private static final Pattern URL_PASSWORD =
      Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^\\s/:@]*):[^\\s/@]*@");
  private static final Pattern AUTHORIZATION =
      Pattern.compile("(?i)(authorization\\s*[:=]\\s*)(?:(bearer|basic|token)\\s+)?\\S.*");
  private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer\\s+)[A-Za-z0-9._~+/=-]+");
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^(-{0,2}[A-Za-z_][A-Za-z0-9_.-]*)=(.*)$");

  private Secrets() {}

  /** True when a variable or option of this name holds a credential ({@code HF_TOKEN}). */
  public static boolean isSecretName(String name) {
    for (String word : name.toUpperCase(Locale.ROOT).split("[-_.]+")) {
      if (SECRET_WORD.matcher(word).matches()) return true;
    }
    return false;
  }

  /** An environment variable's value as recorded: redacted for a secret name, else its text. */
  public static String envValue(String name, String value) {
    return isSecretName(name) ? REDACTED : text(value);
  }

  /**
   * A command's arguments as recorded: the value after an option named like a secret ({@code
   * --api-key X}, {@code --hf-token=X}), {@code NAME=VALUE} with a secret name, {@code
   * Authorization:} headers, bearer tokens and URL passwords redacted; everything else unchanged.
   */
  public static List<String> args(List<String> args) {
    List<String> out = new ArrayList<>(args.size());
    boolean valueOfSecret = false;
    for (String arg : args) {
      if (valueOfSecret && !arg.startsWith("-")) {
        out.add(REDACTED);
        valueOfSecret = false;
        continue;
      }
      valueOfSecret = arg.startsWith("-") && !arg.contains("=") && isSecretName(arg);
      out.add(arg(arg));
    }
    return out;
  }

  /** One argument or {@code NAME=VALUE} pair as recorded (see {@link #args}). */
  private static String arg(String arg) {
    Matcher a = ASSIGNMENT.matcher(arg);
    if (a.matches() && isSecretName(a.group(1))) return a.group(1) + "=" + REDACTED;
    return text(arg);
  }

  /**
   * Free text as recorded (a URL, a header, a log line): URL passwords, the value of an {@code
   * Authorization:} header and bearer tokens redacted.
   */
  public static String text(String s) {
    if (s == null || s.isEmpty()) return s;
    String t = URL_PASSWORD.matcher(s).replaceAll("$1:" + Matcher.quoteReplacement(REDACTED) + "@");
    t = AUTHORIZATION.matcher(t).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
    return BEARER.matcher(t).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
  }
}
