# Build stage: the Maven Wrapper builds the fat jar; tests run in CI, not in the image build.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY bpmn bpmn
COPY src src
RUN ./mvnw -B -q package -DskipTests && cp target/sanctions-campaign-tracker-*.jar /src/app.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 tracker
WORKDIR /app
COPY --from=build /src/app.jar /app/app.jar
USER tracker
EXPOSE 8080
ENV TRACKER_DATA_DIR=/app/data
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
