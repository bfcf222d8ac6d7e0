package com.sparkify.dwh.local.expected;

import static com.sparkify.dwh.local.expected.ExpectedStarSchema.ARTISTS;
import static com.sparkify.dwh.local.expected.ExpectedStarSchema.SONGPLAYS;
import static com.sparkify.dwh.local.expected.ExpectedStarSchema.SONGS;
import static com.sparkify.dwh.local.expected.ExpectedStarSchema.TIME;
import static com.sparkify.dwh.local.expected.ExpectedStarSchema.USERS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExpectedStarSchemaTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Path fixture(String name) {
    try {
      return Path.of(ExpectedStarSchemaTest.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- the hand-made fixture -----------------------------------------------------------------

  @Nested
  class QuirksFixture {

    @ParameterizedTest
    @ValueSource(strings = {SONGPLAYS, USERS, SONGS, ARTISTS, TIME})
    void everyTableEqualsTheHandWorkedRows(String table) throws Exception {
      ExpectedStarSchema computed = ExpectedStarSchema.compute(fixture("quirks"));
      List<List<Object>> byHand =
          ExpectedRows.fromJson(fixture("quirks-expected").resolve(table + ".json"));

      assertThat(computed.rows(table)).containsExactlyElementsOf(byHand);
    }

    @Test
    void isTheCleanCase() throws Exception {
      ExpectedStarSchema computed = ExpectedStarSchema.compute(fixture("quirks"));

      assertThat(computed.rejected()).isEmpty();
      assertThat(computed.ambiguities()).isEmpty();
      assertThat(computed.stagedSongCount()).isEqualTo(12);
      assertThat(computed.stagedEventCount()).isEqualTo(33);
    }

    @Test
    void readsTheSameFromAFolderAsFromAMapOfObjects(@TempDir Path dir) throws Exception {
      Path root = fixture("quirks");
      Map<String, byte[]> objects = new TreeMap<>();
      try (var walk = Files.walk(root)) {
        for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
          objects.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
      assertThat(ExpectedStarSchema.compute(objects))
          .isEqualTo(ExpectedStarSchema.compute(root));
      // A folder without song_data/ or log_data/ is empty, not an error.
      assertThat(ExpectedStarSchema.compute(dir).rows(SONGPLAYS)).isEmpty();
    }
  }

  // ---- staging ---------------------------------------------------------------------------------

  @Nested
  class Staging {

    @Test
    void aNumberInATextColumnLoadsAsItsLiteralText() {
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  "song_data/A/B/C/TRABC.json",
                  "{\"song_id\": \"SO1\", \"artist_id\": \"AR1\", \"artist_name\": 112,"
                      + " \"artist_location\": 27.50, \"title\": 1e3, \"duration\": 1.5}",
                  "log_data/e.json",
                  event(kv("userId", 42, "firstName", 7))));

      assertThat(s.rows(ARTISTS)).containsExactly(row("AR1", "112", "27.50", null, null));
      assertThat(s.rows(SONGS)).containsExactly(row("SO1", "1e3", "AR1", null, 1.5));
      assertThat(s.rows(USERS)).containsExactly(row("42", "7", "Last", "F", "free"));
    }

    @Test
    void emptyOrBlankTextIsNull() {
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  "song_data/s.json",
                  song("SO1", "AR1", "", "Name", 1.0, 0, null, null, "")
                      + song("SO2", "AR2", "  \t", " ", 2.0, 1, null, null, "   "),
                  "log_data/e.json",
                  event(kv("userId", "", "sessionId", 1))
                      + event(kv("userId", "   ", "sessionId", 2))
                      + event(kv("userId", "5", "firstName", "", "lastName", " ", "sessionId", 3))));

      assertThat(s.rows(SONGS))
          .containsExactly(row("SO1", null, "AR1", null, 1.0), row("SO2", null, "AR2", 1L, 2.0));
      assertThat(s.rows(ARTISTS))
          .containsExactly(row("AR1", "Name", null, null, null), row("AR2", null, null, null, null));
      assertThat(s.rows(USERS)).containsExactly(row("5", null, null, "F", "free"));
      assertThat(s.rows(SONGPLAYS)).extracting(r -> r.get(2)).containsExactly(null, null, "5");
    }

    @Test
    void keysMatchColumnsIgnoringCaseAndUnknownKeysAreIgnored() {
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  "log_data/e.json",
                  "{\"TS\": 1000, \"SESSIONID\": 1, \"iteminsession\": 2, \"Page\": \"NextSong\","
                      + " \"USERID\": \"9\", \"extra\": {\"nested\": [1, 2]}}"));

      assertThat(s.rejected()).isEmpty();
      assertThat(s.rows(SONGPLAYS))
          .containsExactly(
              row(ExpectedStarSchema.songplayId(1, 2), at("1970-01-01T00:00:01"), "9", null,
                  null, null, 1L, null, null));
    }

    @Test
    void misEncodedTextIsKeptAsGiven() {
      String misEncoded = "T\u00c3\u0083\u00c2\u00ba"; // "TÃ\u0083Âº", ú encoded twice
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  "song_data/s.json",
                  "{\"song_id\": \"SO1\", \"artist_id\": \"AR1\", \"artist_name\": \"Jos\u00c3\\u0083\u00c2\u00a9\","
                      + " \"title\": \"T\u00c3\\u0083\u00c2\u00ba\", \"duration\": 180.4273}",
                  "log_data/e.json",
                  event(kv("song", misEncoded, "artist", "Jos\u00c3\u0083\u00c2\u00a9",
                          "length", 180.4273, "itemInSession", 1))
                      + event(kv("song", "T\u00fa", "artist", "Jos\u00e9", "length", 180.4273,
                          "itemInSession", 2))));

      assertThat(s.rows(SONGS)).containsExactly(row("SO1", misEncoded, "AR1", null, 180.4273));
      assertThat(s.rows(ARTISTS).get(0).get(1)).isEqualTo("Jos\u00c3\u0083\u00c2\u00a9");
      assertThat(s.rows(SONGPLAYS)).extracting(r -> r.get(4)).containsExactly("SO1", null);
    }

    @Test
    void readsConcatenatedPrettyPrintedAndUnterminatedLastLine() {
      String a = song("SO1", "AR1", "t1", "n", 1.0, 0, null, null, null);
      String b = song("SO2", "AR1", "t2", "n", 1.0, 0, null, null, null);
      String c = song("SO3", "AR1", "t3", "n", 1.0, 0, null, null, null);
      String pretty = "{\n  \"song_id\": \"SO4\",\n  \"artist_id\": \"AR1\",\n  \"title\": \"a } { [ b\"\n}";
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  "song_data/1.json", "\uFEFF" + a.strip() + b.strip() + " " + c.strip(),
                  "song_data/2.json", "\r\n" + pretty + "\r\n" + pretty.replace("SO4", "SO5"),
                  "song_data/3.json", "",
                  "song_data/ignored.txt", "not json"));

      assertThat(s.rejected()).isEmpty();
      assertThat(s.rows(SONGS)).extracting(r -> r.get(0))
          .containsExactly("SO1", "SO2", "SO3", "SO4", "SO5");
      assertThat(s.rows(SONGS).get(3).get(1)).isEqualTo("a } { [ b");
    }

    @Test
    void rejectedRowsAreRecordedWithFileAndLine() {
      String okEvent = event(kv("sessionId", 1));
      String log =
          okEvent // line 1
              + "{\"ts\": 1, \"sessionId\": 2,, \"itemInSession\": 0}\n" // 2: malformed
              + event(kv("ts", null, "sessionId", 3)) // 3: null ts
              + "{\"sessionId\": 4, \"itemInSession\": 0, \"page\": \"Home\"}\n" // 4: no ts
              + event(kv("sessionId", null)) // 5
              + event(kv("sessionId", 6, "itemInSession", 2147483648L)) // 6: > int4
              + event(kv("sessionId", 7, "status", 200.5)) // 7: not an integer
              + event(kv("sessionId", 8, "gender", "\u00e9".repeat(9))) // 8: 18 bytes > 16
              + event(kv("sessionId", 9, "userAgent", "x".repeat(1024))) // 9: fits exactly
              + event(kv("sessionId", 10, "userAgent", "x".repeat(1025))) // 10: too long
              + event(kv("sessionId", 11, "itemInSession", "3")) // 11: integer text, loads
              + event(kv("sessionId", 12, "length", true)) // 12: not a number
              + "{\"ts\": 1541106106796.0, \"sessionId\": 13, \"itemInSession\": 0}\n" // 13
              + "[1, 2]\n" // 14: not an object
              + "{\"ts\": 1, \"sessionId\": 15,\n" // 15-16: unterminated
              + "  \"itemInSession\": 0";
      String songs =
          "{\n  \"song_id\": \"SO1\",\n  \"artist_id\": \"AR1\"\n}\n" // lines 1-4, fine
              + "{\n  \"song_id\": \"\",\n  \"artist_id\": \"AR1\"\n}\n" // 5: blank song_id
              + "{\"song_id\": \"SO3\", \"artist_id\": \"" + "A".repeat(33) + "\"}\n" // 9
              + "{\"song_id\": \"SO4\"}\n" // 10: no artist_id
              + "{\"song_id\": \"SO5\", \"artist_id\": \"AR5\", \"year\": -2147483649}\n" // 11
              + "{\"song_id\": \"SO6\", \"artist_id\": \"AR6\", \"title\": \"bad \u0001 \"}\n"; // 12

      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of("log_data/2018/11/e.json", log, "song_data/A/B/C/s.json", songs));

      assertThat(s.rejected())
          .extracting(Rejected::key, Rejected::line, Rejected::column)
          .containsExactly(
              tuple("log_data/2018/11/e.json", 2, null),
              tuple("log_data/2018/11/e.json", 3, "ts"),
              tuple("log_data/2018/11/e.json", 4, "ts"),
              tuple("log_data/2018/11/e.json", 5, "sessionid"),
              tuple("log_data/2018/11/e.json", 6, "iteminsession"),
              tuple("log_data/2018/11/e.json", 7, "status"),
              tuple("log_data/2018/11/e.json", 8, "gender"),
              tuple("log_data/2018/11/e.json", 10, "useragent"),
              tuple("log_data/2018/11/e.json", 12, "length"),
              tuple("log_data/2018/11/e.json", 13, "ts"),
              tuple("log_data/2018/11/e.json", 14, null),
              tuple("log_data/2018/11/e.json", 15, null),
              tuple("song_data/A/B/C/s.json", 5, "song_id"),
              tuple("song_data/A/B/C/s.json", 9, "artist_id"),
              tuple("song_data/A/B/C/s.json", 10, "artist_id"),
              tuple("song_data/A/B/C/s.json", 11, "year"),
              tuple("song_data/A/B/C/s.json", 12, null));
      assertThat(s.stagedEventCount()).isEqualTo(3); // lines 1, 9, 11
      assertThat(s.stagedSongCount()).isEqualTo(1);
      assertThat(s.rows(SONGPLAYS)).extracting(r -> r.get(6)).containsExactly(1L, 9L, 11L);
    }

    @Test
    void aMalformedObjectDoesNotStopTheRestOfTheFile() {
      String log =
          event(kv("sessionId", 1))
              + "{\"ts\": 1, \"sessionId\": \"oops\n"
              + event(kv("sessionId", 2))
              + "garbage\n"
              + event(kv("sessionId", 3)).strip()
              + "}"
              + event(kv("sessionId", 4));

      ExpectedStarSchema s = ExpectedStarSchema.computeFromText(Map.of("log_data/e.json", log));

      assertThat(s.rejected()).extracting(Rejected::line).containsExactly(2, 4, 5);
      assertThat(s.rows(SONGPLAYS)).extracting(r -> r.get(6)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void invalidUtf8IsRejected() {
      byte[] bad = "{\"ts\": 1, \"sessionId\": 1, \"itemInSession\": 0, \"song\": \"x?\"}\n"
          .getBytes(StandardCharsets.UTF_8);
      bad[bad.length - 4] = (byte) 0xC3; // a lead byte without its continuation
      ExpectedStarSchema s = ExpectedStarSchema.compute(Map.of("log_data/e.json", bad));

      assertThat(s.rejected()).singleElement().satisfies(r -> {
        assertThat(r.line()).isEqualTo(1);
        assertThat(r.reason()).contains("UTF-8");
      });
    }
  }

  // ---- the load rules ----------------------------------------------------------------------

  @Nested
  class Songs {

    @Test
    void severalRowsForOneSongIdKeepTheFirstByTitleArtistIdYearDuration() {
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  "song_data/1.json",
                  song("SO1", "AR1", "B", "n", 1.0, 2000, null, null, null)
                      + song("SO1", "AR2", "A", "n", 1.0, 2000, null, null, null)
                      + song("SO1", "AR1", "A", "n", 10.0, 1999, null, null, null),
                  "song_data/2.json",
                  song("SO1", "AR1", "A", "n", 9.0, 1999, null, null, null)
                      + song("SO1", "AR1", "A", "n", null, 1999, null, null, null)
                      + song("SO1", "AR1", "A", "n", 1.0, null, null, null, null)
                      // NULL titles sort last; code points: 'B' (66) before 'a' (97)
                      + song("SO2", "AR1", null, "n", 1.0, 1, null, null, null)
                      + song("SO2", "AR1", "a", "n", 1.0, 1, null, null, null)
                      + song("SO2", "AR1", "B", "n", 1.0, 1, null, null, null)
                      // U+FF5E sorts before U+1F600 by code point (not by UTF-16 unit)
                      + song("SO3", "AR1", "\uD83D\uDE00", "n", 1.0, 1, null, null, null)
                      + song("SO3", "AR1", "\uFF5E", "n", 1.0, 1, null, null, null)));

      assertThat(s.rows(SONGS))
          .containsExactly(
              row("SO1", "A", "AR1", 1999L, 9.0),
              row("SO2", "B", "AR1", 1L, 1.0),
              row("SO3", "\uFF5E", "AR1", 1L, 1.0));
      assertThat(s.ambiguities()).isEmpty();
    }

    @Test
    void yearZeroIsNullAndTheTieUsesTheStagedYear() {
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  "song_data/1.json",
                  song("SO1", "AR1", "A", "n", 1.0, 0, null, null, null)
                      + song("SO2", "AR1", "A", "n", 1.0, 0, null, null, null)
                      + song("SO2", "AR1", "A", "n", 2.0, 1990, null, null, null)));

      assertThat(s.rows(SONGS))
          .containsExactly(row("SO1", "A", "AR1", null, 1.0), row("SO2", "A", "AR1", null, 1.0));
      assertThat(s.ambiguities()).singleElement().asString().startsWith("songs SO2");
    }
  }

  @Nested
  class Artists {

    @Test
    void tieRules() {
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  "song_data/1.json",
                  // both coordinates first, whatever the song_id
                  song("SA1", "ARA", "t", "no coords", 1.0, 0, null, null, "X")
                      + song("SA9", "ARA", "t", "coords", 1.0, 0, 1.5, 2.5, null)
                      // one coordinate is not enough; then a location first
                      + song("SB1", "ARB", "t", "lat only", 1.0, 0, 1.0, null, null)
                      + song("SB2", "ARB", "t", "located", 1.0, 0, null, null, "Paris")
                      // then the smallest song_id
                      + song("SC2", "ARC", "t", "second", 1.0, 0, 1.0, 1.0, "Y")
                      + song("SC1", "ARC", "t", "first", 1.0, 0, 2.0, 2.0, "Z"),
                  "song_data/2.json",
                  // then artist_name, NULLs last
                  song("SD1", "ARD", "t", "Zed", 1.0, 0, null, null, null)
                      + song("SD1", "ARD", "t", "Abe", 1.0, 0, null, null, null)
                      + song("SE1", "ARE", "t", null, 1.0, 0, null, null, null)
                      + song("SE1", "ARE", "t", "Bob", 1.0, 0, null, null, null)
                      // then artist_location
                      + song("SF1", "ARF", "t", "n", 1.0, 0, 1.0, 1.0, "Rome")
                      + song("SF1", "ARF", "t", "n", 1.0, 0, 1.0, 1.0, "Oslo")));

      assertThat(s.rows(ARTISTS))
          .containsExactly(
              row("ARA", "coords", null, 1.5, 2.5),
              row("ARB", "located", "Paris", null, null),
              row("ARC", "first", "Z", 2.0, 2.0),
              row("ARD", "Abe", null, null, null),
              row("ARE", "Bob", null, null, null),
              row("ARF", "n", "Oslo", 1.0, 1.0));
      assertThat(s.ambiguities()).isEmpty();
    }

    @Test
    void aTieTheContractDoesNotBreakIsReported() {
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  "song_data/1.json",
                  song("S1", "AR1", "t", "n", 1.0, 0, 2.0, 1.0, "L")
                      + song("S1", "AR1", "t", "n", 1.0, 0, 1.0, 1.0, "L")));

      assertThat(s.rows(ARTISTS)).containsExactly(row("AR1", "n", "L", 1.0, 1.0));
      assertThat(s.ambiguities()).singleElement().asString().startsWith("artists AR1");
    }
  }

  @Nested
  class Users {

    @Test
    void mostRecentEventByTsThenSessionThenItem() {
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  // file order is not time order: the later file holds the older events
                  "log_data/a.json",
                  event(kv("userId", "1", "ts", 5000, "sessionId", 7, "itemInSession", 0,
                          "level", "paid", "page", "Home"))
                      + event(kv("userId", "1", "ts", 5000, "sessionId", 5, "itemInSession", 9,
                          "level", "free"))
                      + event(kv("userId", "2", "ts", 5000, "sessionId", 8, "itemInSession", 4,
                          "level", "paid", "lastName", "New"))
                      + event(kv("userId", "2", "ts", 5000, "sessionId", 8, "itemInSession", 3,
                          "level", "free"))
                      + event(kv("userId", "3", "ts", 9000, "sessionId", 9, "itemInSession", 0,
                          "level", "free", "page", "Logout")),
                  "log_data/b.json",
                  event(kv("userId", "3", "ts", 8999, "sessionId", 99, "itemInSession", 5,
                          "level", "paid"))
                      + event(kv("userId", "10", "ts", 1, "sessionId", 1, "itemInSession", 1,
                          "gender", "M"))));

      assertThat(s.rows(USERS))
          .containsExactly(
              row("1", "First", "Last", "F", "paid"),
              row("10", "First", "Last", "M", "free"),
              row("2", "First", "New", "F", "paid"),
              row("3", "First", "Last", "F", "free"));
    }
  }

  @Nested
  class Songplays {

    @Test
    void aRepeatedKeyKeepsTheCopyWithTheLatestTs() {
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  "log_data/a.json",
                  event(kv("sessionId", 10, "itemInSession", 1, "ts", 2000, "level", "paid")),
                  "log_data/b.json",
                  event(kv("sessionId", 10, "itemInSession", 1, "ts", 1000, "level", "free"))
                      + event(kv("sessionId", 10, "itemInSession", 1, "ts", 2000, "level", "paid"))
                      // only pages exactly "NextSong"
                      + event(kv("sessionId", 10, "itemInSession", 2, "page", "nextsong"))
                      + event(kv("sessionId", 10, "itemInSession", 3, "page", "Home"))));

      assertThat(s.rows(SONGPLAYS))
          .containsExactly(
              row(ExpectedStarSchema.songplayId(10, 1), at("1970-01-01T00:00:02"), "1", "paid",
                  null, null, 10L, "Somewhere", "UA"));
      assertThat(s.ambiguities()).isEmpty();
    }

    @Test
    void songplayIdOfANegativeItemInSessionStaysDistinct() {
      StringBuilder log = new StringBuilder();
      long[][] keys = {{1, -1}, {1, 0}, {0, 2147483647}, {-1, -2147483648}, {1, -2147483648},
          {2147483647, 2147483647}, {-2147483648, -2147483648}};
      for (long[] k : keys) {
        log.append(event(kv("sessionId", k[0], "itemInSession", k[1])));
      }
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(Map.of("log_data/e.json", log.toString()));

      assertThat(s.rows(SONGPLAYS))
          .extracting(r -> r.get(0))
          .containsExactly(
              Long.MIN_VALUE, -4294967296L, 4294967295L, 4294967296L, 6442450943L, 6442450944L,
              Long.MAX_VALUE);
      assertThat(ExpectedStarSchema.songplayId(1, -1)).isEqualTo(4294967296L + 2147483647L);
    }

    @Test
    void songMatchIsExactAndTakesTheSmallestSongIdAndTheSongsTableArtist() {
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  "song_data/1.json",
                  song("SOB", "AR_B", "Twin", "Duo", 200.5, 0, null, null, null)
                      + song("SOA", "AR_A", "Twin", "Duo", 200.5, 0, null, null, null)
                      // SOX's songs row keeps title "A Title" and artist AR_1; a play matching
                      // the other staged row still gets AR_1
                      + song("SOX", "AR_2", "Live", "Band", 100.0, 0, null, null, null)
                      + song("SOX", "AR_1", "A Title", "Band", 100.0, 0, null, null, null)
                      + song("SON", "AR_N", null, "Band", 100.0, 0, null, null, null)
                      + song("SOZ", "AR_Z", "Zero", "Band", 0.0, 0, null, null, null),
                  "log_data/e.json",
                  event(kv("itemInSession", 1, "song", "Twin", "artist", "Duo", "length", 200.5))
                      + event(kv("itemInSession", 2, "song", "Twin", "artist", "Duo",
                          "length", 200.50001))
                      + event(kv("itemInSession", 3, "song", "twin", "artist", "Duo",
                          "length", 200.5))
                      + event(kv("itemInSession", 4, "song", "Live", "artist", "Band",
                          "length", 100))
                      + event(kv("itemInSession", 5, "song", null, "artist", "Band",
                          "length", 100.0))
                      + event(kv("itemInSession", 6, "song", "Twin", "artist", "Duo",
                          "length", null))
                      + "{\"ts\": 1, \"sessionId\": 1, \"itemInSession\": 7, \"page\": \"NextSong\","
                      + " \"song\": \"Zero\", \"artist\": \"Band\", \"length\": -0.0}\n"));

      assertThat(s.rows(SONGPLAYS))
          .extracting(r -> r.get(4) + "/" + r.get(5))
          .containsExactly(
              "SOA/AR_A", "null/null", "null/null", "SOX/AR_1", "null/null", "null/null",
              "SOZ/AR_Z");
    }
  }

  @Nested
  class Time {

    @Test
    void isoWeekAtTheYearBoundaryAndSundayIsZero() {
      assertThat(ExpectedStarSchema.timeRow(at("2018-12-31T10:00:00")))
          .containsExactly(at("2018-12-31T10:00:00"), 10L, 31L, 1L, 12L, 2018L, 1L);
      assertThat(ExpectedStarSchema.timeRow(at("2021-01-03T00:00:00")))
          .containsExactly(at("2021-01-03T00:00:00"), 0L, 3L, 53L, 1L, 2021L, 0L);
      assertThat(ExpectedStarSchema.timeRow(at("2018-11-04T23:59:59.999")).get(6)).isEqualTo(0L);
      assertThat(ExpectedStarSchema.timeRow(at("2018-11-10T12:00:00")).get(6)).isEqualTo(6L);
    }

    @Test
    void oneRowPerDistinctStartTimeWithMillisecondsKept() {
      long newYear2021 = LocalDateTime.parse("2021-01-03T23:59:59.999").toInstant(ZoneOffset.UTC)
          .toEpochMilli();
      ExpectedStarSchema s =
          ExpectedStarSchema.computeFromText(
              Map.of(
                  "log_data/e.json",
                  event(kv("itemInSession", 1, "ts", 1541106106796L))
                      + event(kv("itemInSession", 2, "ts", 1541106106796L))
                      + event(kv("itemInSession", 3, "ts", 1541106106797L))
                      + event(kv("itemInSession", 4, "ts", newYear2021))
                      + event(kv("itemInSession", 5, "ts", -1, "page", "NextSong"))
                      + event(kv("itemInSession", 6, "ts", 5, "page", "Home"))));

      assertThat(s.rows(SONGPLAYS).get(0).get(1)).isEqualTo(at("2018-11-01T21:01:46.796"));
      assertThat(s.rows(TIME))
          .containsExactly(
              row(at("1969-12-31T23:59:59.999"), 23L, 31L, 1L, 12L, 1969L, 3L),
              row(at("2018-11-01T21:01:46.796"), 21L, 1L, 44L, 11L, 2018L, 4L),
              row(at("2018-11-01T21:01:46.797"), 21L, 1L, 44L, 11L, 2018L, 4L),
              row(at("2021-01-03T23:59:59.999"), 23L, 3L, 53L, 1L, 2021L, 0L));
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  static LocalDateTime at(String iso) {
    return LocalDateTime.parse(iso);
  }

  static List<Object> row(Object... values) {
    return Arrays.asList(values);
  }

  static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  static Map<String, Object> kv(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** One log event as a line of NDJSON: a logged-in NextSong with the given keys replaced. */
  static String event(Map<String, Object> overrides) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("artist", null);
    e.put("auth", "Logged In");
    e.put("firstName", "First");
    e.put("gender", "F");
    e.put("itemInSession", 0);
    e.put("lastName", "Last");
    e.put("length", null);
    e.put("level", "free");
    e.put("location", "Somewhere");
    e.put("method", "PUT");
    e.put("page", "NextSong");
    e.put("registration", 1540919166796.0);
    e.put("sessionId", 1);
    e.put("song", null);
    e.put("status", 200);
    e.put("ts", 1000);
    e.put("userAgent", "UA");
    e.put("userId", "1");
    e.putAll(overrides);
    return write(e) + "\n";
  }

  /** One song object as a line. */
  static String song(String songId, String artistId, String title, String artistName,
      Double duration, Integer year, Double latitude, Double longitude, String location) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("num_songs", 1);
    s.put("artist_id", artistId);
    s.put("artist_latitude", latitude);
    s.put("artist_longitude", longitude);
    s.put("artist_location", location);
    s.put("artist_name", artistName);
    s.put("song_id", songId);
    s.put("title", title);
    s.put("duration", duration);
    s.put("year", year);
    return write(s) + "\n";
  }

  private static String write(Map<String, Object> m) {
    try {
      return JSON.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
