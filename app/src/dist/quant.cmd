@echo off
rem Runs Quant Workbench with the Java it was built with (a JDK 25), whichever java is first on the PATH.
set "QUANT_JAVA=@java.home@\bin\java.exe"
if not exist "%QUANT_JAVA%" if defined JAVA_HOME set "QUANT_JAVA=%JAVA_HOME%\bin\java.exe"
if not exist "%QUANT_JAVA%" set "QUANT_JAVA=java"
"%QUANT_JAVA%" -jar "%~dp0quant.jar" %*
