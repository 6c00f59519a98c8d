@echo off
rem DevHost launcher of the portable zip for Windows: runs lib\devhost.jar on the Java named by
rem JAVA_HOME, or else the java on PATH, after checking that it is Java 17 or newer. Nothing but
rem DevHost writes to stdout, which may be an MCP stdio stream; messages go to stderr.
rem Written without parenthesised blocks around %VARIABLES%, so that paths such as
rem "C:\Program Files (x86)\..." cannot break the script. Stored with CRLF line endings.
setlocal
set "DEVHOST_JAR=%~dp0..\lib\devhost.jar"
set "INSTALL_HINT=Install Java 17 or newer (for example Eclipse Temurin 21), then set JAVA_HOME to it or put its bin directory on PATH."

if not defined JAVA_HOME goto javaOnPath
set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA_EXE%" goto checkVersion
echo devhost: JAVA_HOME is "%JAVA_HOME%", but it has no bin\java.exe. Point JAVA_HOME at a Java 17 or newer installation, or remove it to use the java on PATH. 1>&2
exit /b 1

:javaOnPath
set "JAVA_EXE=java.exe"
where java.exe >nul 2>nul
if not errorlevel 1 goto checkVersion
echo devhost: no Java found: JAVA_HOME is not set and there is no java.exe on PATH. %INSTALL_HINT% 1>&2
exit /b 1

:checkVersion
rem "java -version" goes to a file that is read back, which avoids quoting a path inside FOR /F's
rem command. Its version line reads: openjdk version "17.0.15" 2025-04-15, or java version "1.8.0_392".
set "VERSION_FILE=%TEMP%\devhost-java-version-%RANDOM%.txt"
"%JAVA_EXE%" -version >"%VERSION_FILE%" 2>&1
if errorlevel 1 goto javaFailed
set "JAVA_VERSION="
for /f "usebackq tokens=1-3" %%a in ("%VERSION_FILE%") do if /i "%%b"=="version" if not defined JAVA_VERSION set "JAVA_VERSION=%%~c"
del "%VERSION_FILE%" >nul 2>nul
if not defined JAVA_VERSION goto run
set "JAVA_MAJOR="
set "JAVA_MINOR="
for /f "tokens=1,2 delims=._+-" %%a in ("%JAVA_VERSION%") do set "JAVA_MAJOR=%%a"
for /f "tokens=1,2 delims=._+-" %%a in ("%JAVA_VERSION%") do set "JAVA_MINOR=%%b"
if "%JAVA_MAJOR%"=="1" set "JAVA_MAJOR=%JAVA_MINOR%"
if not defined JAVA_MAJOR goto run
if %JAVA_MAJOR% GEQ 17 goto run
echo devhost: "%JAVA_EXE%" is Java %JAVA_VERSION%, but DevHost needs Java 17 or newer. %INSTALL_HINT% 1>&2
exit /b 1

:javaFailed
del "%VERSION_FILE%" >nul 2>nul
echo devhost: "%JAVA_EXE%" -version failed. %INSTALL_HINT% 1>&2
exit /b 1

:run
"%JAVA_EXE%" -XX:+UseSerialGC -Xlog:disable -Xlog:all=warning:stderr -jar "%DEVHOST_JAR%" %*
exit /b %ERRORLEVEL%
