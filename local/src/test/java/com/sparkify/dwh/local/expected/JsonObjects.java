package com.sparkify.dwh.local.expected;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the JSON objects of one input file the way COPY ... FORMAT AS JSON sees them: any number of
 * objects one after the other, with or without whitespace between them, each on one line or spread
 * over many. A malformed object becomes an {@link Item} carrying an error and the line where it
 * starts; reading then goes on with the next line.
 *
 * <p>Values are kept as written: a number's text is the literal from the file, so that a number in
 * a text column loads as its own spelling.
 */
final class JsonObjects {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private JsonObjects() {}

  /** How a value was written in the file. */
  enum Kind {
    STRING,
    INTEGER_NUMBER,
    FLOAT_NUMBER,
    BOOLEAN,
    NULL,
    /** A nested object or array; the text is its JSON as written. */
    COMPLEX
  }

  /** One value: its kind and its text (the string's value, or the literal as written). */
  record Value(Kind kind, String text) {}

  /**
   * One object of the file, or one malformed stretch of it.
   *
   * @param line 1-based line where the object starts
   * @param fields keys lower-cased (later duplicates win); null when {@code error} is set
   * @param error why the object is malformed, or null
   */
  record Item(int line, Map<String, Value> fields, String error) {}

  /** Splits and parses one file's bytes. Never throws on bad input. */
  static List<Item> read(byte[] data) {
    List<Item> items = new ArrayList<>();
    int n = data.length;
    int i = 0;
    int line = 1;
    if (n >= 3 && (data[0] & 0xFF) == 0xEF && (data[1] & 0xFF) == 0xBB && (data[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    while (true) {
      while (i < n && isWhitespace(data[i])) {
        if (data[i] == '\n') {
          line++;
        }
        i++;
      }
      if (i >= n) {
        break;
      }
      int start = i;
      int startLine = line;
      byte b = data[i];
      if (b != '{' && b != '[') {
        items.add(new Item(startLine, null, "unexpected text outside a JSON object"));
        while (i < n && data[i] != '\n') {
          i++;
        }
        continue;
      }
      // Find the end of this value: brackets balanced outside strings.
      char[] stack = new char[64];
      int depth = 0;
      boolean inString = false;
      boolean escaped = false;
      String error = null;
      int end = -1;
      int j = i;
      while (j < n) {
        byte c = data[j];
        if (inString) {
          if (escaped) {
            escaped = false;
          } else if (c == '\\') {
            escaped = true;
          } else if (c == '"') {
            inString = false;
          } else if (c == '\n') {
            error = "line break inside a JSON string";
            break;
          }
        } else if (c == '"') {
          inString = true;
        } else if (c == '{' || c == '[') {
          if (depth == stack.length) {
            stack = java.util.Arrays.copyOf(stack, depth * 2);
          }
          stack[depth++] = c == '{' ? '}' : ']';
        } else if (c == '}' || c == ']') {
          if (depth == 0 || stack[depth - 1] != c) {
            error = "mismatched '" + (char) c + "'";
            break;
          }
          depth--;
          if (depth == 0) {
            end = j + 1;
            break;
          }
        } else if (c == '\n') {
          line++;
        }
        j++;
      }
      if (end > 0) {
        items.add(parse(startLine, data, start, end));
        i = end;
        continue;
      }
      if (error == null) {
        items.add(new Item(startLine, null, "unterminated JSON object"));
        break;
      }
      items.add(new Item(startLine, null, error));
      // Resynchronise at the next line.
      i = j;
      while (i < n && data[i] != '\n') {
        i++;
      }
    }
    return items;
  }

  private static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\t' || b == '\n' || b == '\r';
  }

  private static Item parse(int line, byte[] data, int start, int end) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(data, start, end - start))
              .toString();
    } catch (CharacterCodingException e) {
      return new Item(line, null, "invalid UTF-8");
    }
    try (JsonParser p = FACTORY.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return new Item(line, null, "not a JSON object");
      }
      Map<String, Value> fields = new LinkedHashMap<>();
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName().toLowerCase(Locale.ROOT);
        JsonToken v = p.nextToken();
        Value value;
        switch (v) {
          case VALUE_STRING -> value = new Value(Kind.STRING, p.getText());
          case VALUE_NUMBER_INT -> value = new Value(Kind.INTEGER_NUMBER, p.getText());
          case VALUE_NUMBER_FLOAT -> value = new Value(Kind.FLOAT_NUMBER, p.getText());
          case VALUE_TRUE, VALUE_FALSE -> value = new Value(Kind.BOOLEAN, p.getText());
          case VALUE_NULL -> value = new Value(Kind.NULL, null);
          case START_OBJECT, START_ARRAY -> {
            int from = (int) p.currentTokenLocation().getCharOffset();
            p.skipChildren();
            int to = (int) p.currentLocation().getCharOffset();
            value = new Value(Kind.COMPLEX, text.substring(from, to));
          }
          default -> throw new IllegalStateException("unexpected token " + v);
        }
        fields.put(name, value);
      }
      if (t != JsonToken.END_OBJECT) {
        return new Item(line, null, "malformed JSON object");
      }
      if (p.nextToken() != null) {
        return new Item(line, null, "text after the JSON object");
      }
      return new Item(line, fields, null);
    } catch (JsonProcessingException e) {
      return new Item(line, null, "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
