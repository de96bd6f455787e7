# Sourced by ./spotlight, bench/spark.sh and scripts/parity-sweep.sh: sets SPARK_JAVA_OPTIONS to what
# Spark (--engine spark) needs opened on Java 17, Spark's own JavaModuleOptions list.
SPARK_JAVA_OPTIONS=""
for p in java.base/java.lang java.base/java.lang.invoke java.base/java.lang.reflect java.base/java.io java.base/java.net \
  java.base/java.nio java.base/java.util java.base/java.util.concurrent java.base/java.util.concurrent.atomic \
  java.base/jdk.internal.ref java.base/sun.nio.ch java.base/sun.nio.cs java.base/sun.security.action \
  java.base/sun.util.calendar java.security.jgss/sun.security.krb5; do
  SPARK_JAVA_OPTIONS="$SPARK_JAVA_OPTIONS --add-opens=$p=ALL-UNNAMED"
done
SPARK_JAVA_OPTIONS="$SPARK_JAVA_OPTIONS -Dio.netty.tryReflectionSetAccessible=true"
