package dev.spotlight.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.impl.Log4jContextFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoggingTest {

  @AfterEach
  void quietAgain() {
    Logging.configure(false);
  }

  @Test
  void log4jApiFindsTheCoreProviderSoItNeverComplainsOnStderr() {
    // without a provider, log4j-api prints "Log4j API could not find a logging provider" when POI first logs
    assertThat(LogManager.getFactory()).isInstanceOf(Log4jContextFactory.class);
  }

  @Test
  void libraryLogsAreOffUnlessVerbose() {
    Logger poi = LogManager.getLogger("org.apache.poi.xssf.usermodel.XSSFWorkbook");
    Logging.configure(false);
    assertThat(poi.isErrorEnabled()).isFalse();
    Logging.configure(true);
    assertThat(poi.isInfoEnabled()).isTrue();
    assertThat(poi.isDebugEnabled()).isFalse();
  }
}
