<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>CPythonCosts</name>
    <message>
        <source>missing field &apos;%1&apos;</source>
        <translation>Feld &apos;%1&apos; fehlt</translation>
    </message>
    <message>
        <source>field &apos;%1&apos; is not a believable time in microseconds (above 0, at most %2)</source>
        <translation>Feld &apos;%1&apos; ist keine glaubhafte Zeit in Mikrosekunden (über 0, höchstens %2)</translation>
    </message>
    <message>
        <source>missing field &apos;start_methods&apos;</source>
        <translation>Feld &apos;start_methods&apos; fehlt</translation>
    </message>
    <message>
        <source>unknown start method &apos;%1&apos;</source>
        <translation>unbekannte Startmethode &apos;%1&apos;</translation>
    </message>
    <message>
        <source>field &apos;default_start_method&apos; names no measured start method</source>
        <translation>Feld &apos;default_start_method&apos; nennt keine gemessene Startmethode</translation>
    </message>
    <message>
        <source>not a ThreadLab calibration report of format %1</source>
        <translation>kein ThreadLab-Kalibrierbericht im Format %1</translation>
    </message>
    <message>
        <source>missing field &apos;version&apos;</source>
        <translation>Feld &apos;version&apos; fehlt</translation>
    </message>
    <message>
        <source>longer than %1 KiB</source>
        <translation>größer als %1 KiB</translation>
    </message>
    <message>
        <source>not a JSON object</source>
        <translation>kein JSON-Objekt</translation>
    </message>
    <message>
        <source>calibration figures from %1: %2</source>
        <translation>Kalibrierwerte aus %1: %2</translation>
    </message>
    <message>
        <source>calibration with %1 did not finish within %2 s</source>
        <translation>die Kalibrierung mit %1 wurde nicht innerhalb von %2 s fertig</translation>
    </message>
    <message>
        <source>calibration with %1 failed (%2 ended with exit code %3)</source>
        <translation>die Kalibrierung mit %1 ist fehlgeschlagen (%2 endete mit Exit-Code %3)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>the cache file %1 was unreadable, so the figures were measured again</source>
        <translation>die Cache-Datei %1 war unlesbar, daher wurden die Werte neu gemessen</translation>
    </message>
    <message>
        <source>the calibration program %1 is missing</source>
        <translation>das Kalibrierprogramm %1 fehlt</translation>
    </message>
    <message>
        <source>Model calibrated against %1 %2 (%3).</source>
        <translation>Modell kalibriert an %1 %2 (%3).</translation>
    </message>
    <message>
        <source>Model with the development machine&apos;s CPython figures (%1).</source>
        <translation>Modell mit den CPython-Werten des Entwicklungsrechners (%1).</translation>
    </message>
    <message>
        <source>measured from %1 %2</source>
        <translation>gemessen an %1 %2</translation>
    </message>
    <message>
        <source>the development machine&apos;s (%1)</source>
        <translation>die des Entwicklungsrechners (%1)</translation>
    </message>
    <message>
        <source>no measurement</source>
        <translation>keine Messung</translation>
    </message>
    <message>
        <source>Model costs, %1: a %2 process starts in %3 ms + %4 ms, ends in %5 ms; time.sleep(0) %6 µs</source>
        <translation>Modellkosten, %1: ein %2-Prozess startet in %3 ms + %4 ms, endet in %5 ms; time.sleep(0) %6 µs</translation>
    </message>
</context>
<context>
    <name>CPythonVariant</name>
    <message>
        <source>CPython runtime: %1</source>
        <translation>CPython-Laufzeit: %1</translation>
    </message>
    <message>
        <source>hung: still running %1 s after it started, longer than its work could take</source>
        <translation>hängt: läuft %1 s nach dem Start noch, länger als seine Arbeit dauern kann</translation>
    </message>
    <message>
        <source>a free-threaded interpreter has no GIL</source>
        <translation>ein Interpreter ohne GIL (free-threaded) hat keinen GIL</translation>
    </message>
    <message>
        <source>free-threaded: no GIL, threads run in parallel</source>
        <translation>free-threaded: kein GIL, Threads laufen parallel</translation>
    </message>
    <message>
        <source>the interpreter is not running</source>
        <translation>der Interpreter läuft nicht</translation>
    </message>
    <message>
        <source>GIL not observed: %1</source>
        <translation>GIL nicht beobachtet: %1</translation>
    </message>
    <message>
        <source>lane %1 sent a record before the variant started</source>
        <translation>Spur %1 hat einen Eintrag gesendet, bevor die Variante begann</translation>
    </message>
    <message>
        <source>lane %1 sent more than %2 events</source>
        <translation>Spur %1 hat mehr als %2 Ereignisse gesendet</translation>
    </message>
    <message>
        <source>lane %1 cannot report a thread id now</source>
        <translation>Spur %1 kann jetzt keine Thread-ID melden</translation>
    </message>
    <message>
        <source>lane %1 reported an item from lane %2</source>
        <translation>Spur %1 hat einen Eintrag von Spur %2 gemeldet</translation>
    </message>
    <message>
        <source>lane %1 reported a process&apos;s exit</source>
        <translation>Spur %1 hat das Ende eines Prozesses gemeldet</translation>
    </message>
    <message>
        <source>lane %1 cannot report &quot;%2&quot; now</source>
        <translation>Spur %1 kann jetzt nicht „%2“ melden</translation>
    </message>
    <message>
        <source>lane 0 reported the exit of lane %1, which is no process</source>
        <translation>Spur 0 hat das Ende von Spur %1 gemeldet, die kein Prozess ist</translation>
    </message>
    <message>
        <source>ended without reporting its end</source>
        <translation>endete, ohne sein Ende zu melden</translation>
    </message>
    <message>
        <source>killed by signal %1 (%2)</source>
        <translation>durch Signal %1 (%2) beendet</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>endete mit Exit-Code %1</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
    <message>
        <source>the interpreter was killed by signal %1 (%2)</source>
        <translation>der Interpreter wurde durch Signal %1 (%2) beendet</translation>
    </message>
    <message>
        <source>the interpreter exited with code %1</source>
        <translation>der Interpreter endete mit Exit-Code %1</translation>
    </message>
    <message>
        <source>ended without reporting main&apos;s end</source>
        <translation>endete, ohne das Ende von main zu melden</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>List the scenarios: id, a tab, title.</source>
        <translation>Szenarien auflisten: ID, ein Tabulator, Titel.</translation>
    </message>
    <message>
        <source>Run scenario ID headless and print a summary.</source>
        <translation>Szenario ID ohne Fenster ausführen und eine Übersicht ausgeben.</translation>
    </message>
    <message>
        <source>Measure what the Python interpreter costs (process start per start method, time.sleep(0), queues) for the model, print the figures and where they are cached.</source>
        <translation>Messen, was der Python-Interpreter kostet (Prozessstart je Startmethode, time.sleep(0), Queues), für das Modell; die Werte und ihren Cache-Ort ausgeben.</translation>
    </message>
    <message>
        <source>Load a scenario file.</source>
        <translation>Eine Szenariodatei laden.</translation>
    </message>
    <message>
        <source>Only this variant (repeatable).</source>
        <translation>Nur diese Variante (wiederholbar).</translation>
    </message>
    <message>
        <source>Number of workers in scalable groups (1-256).</source>
        <translation>Anzahl der Worker in skalierbaren Gruppen (1-256).</translation>
    </message>
    <message>
        <source>Emulated GIL: on (Python) or off (native C++).</source>
        <translation>Emulierter GIL: on (Python) oder off (natives C++).</translation>
    </message>
    <message>
        <source>Engine: model (C++ workers, emulated GIL), cpython (real Python) or native (C++, no GIL); two or three separated by commas run side by side and report the model&apos;s fidelity.</source>
        <translation>Engine: model (C++-Worker, emulierter GIL), cpython (echtes Python) oder native (C++, kein GIL); zwei oder drei, durch Kommas getrennt, laufen nebeneinander und zeigen, wie treu das Modell ist.</translation>
    </message>
    <message>
        <source>The Python interpreter to use (default: the platform&apos;s python3).</source>
        <translation>Der zu verwendende Python-Interpreter (Standard: python3 der Plattform).</translation>
    </message>
    <message>
        <source>multiprocessing start method (default: the interpreter&apos;s).</source>
        <translation>Startmethode von multiprocessing (Standard: die des Interpreters).</translation>
    </message>
    <message>
        <source>GIL switch interval in ms (1-100, default 5).</source>
        <translation>GIL-Umschaltintervall in ms (1-100, Standard 5).</translation>
    </message>
    <message>
        <source>Multiply every stated duration (0.01-10; 1 = the tutorials&apos; own).</source>
        <translation>Jede angegebene Dauer multiplizieren (0.01-10; 1 = wie in den Tutorials).</translation>
    </message>
    <message>
        <source>Seed for random waits.</source>
        <translation>Startwert (Seed) für zufällige Wartezeiten.</translation>
    </message>
    <message>
        <source>Run the variants N times, interleaved (1-20): median and spread, lesson checked on medians.</source>
        <translation>Die Varianten N-mal verschränkt ausführen (1-20): Median und Streuung, Lektion am Median geprüft.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Diese Hilfe anzeigen.</translation>
    </message>
    <message>
        <source>Show the version.</source>
        <translation>Die Version anzeigen.</translation>
    </message>
    <message>
        <source>ThreadLab: see threads and processes really run.</source>
        <translation>ThreadLab: Threads und Prozesse wirklich laufen sehen.</translation>
    </message>
    <message>
        <source>%1 is given more than once</source>
        <translation>%1 ist mehr als einmal angegeben</translation>
    </message>
    <message>
        <source>--list, --run and --calibrate cannot be used together</source>
        <translation>--list, --run und --calibrate können nicht zusammen verwendet werden</translation>
    </message>
    <message>
        <source>--scenario-file needs a path</source>
        <translation>--scenario-file braucht einen Pfad</translation>
    </message>
    <message>
        <source>run options (--workers, --gil, --export-…, …) need --run ID</source>
        <translation>Laufoptionen (--workers, --gil, --export-…, …) brauchen --run ID</translation>
    </message>
    <message>
        <source>--engine must be model, cpython or native, got &quot;%1&quot;</source>
        <translation>--engine muss model, cpython oder native sein, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--engine names &quot;%1&quot; twice</source>
        <translation>--engine nennt „%1“ zweimal</translation>
    </message>
    <message>
        <source>--gil cannot be used with more than one engine (--engine %1)</source>
        <translation>--gil geht nicht mit mehr als einer Engine (--engine %1)</translation>
    </message>
    <message>
        <source>--engine %1 contradicts --gil %2 (--gil on means the model, off native)</source>
        <translation>--engine %1 widerspricht --gil %2 (--gil on bedeutet das Modell, off native)</translation>
    </message>
    <message>
        <source>--python needs a path</source>
        <translation>--python braucht einen Pfad</translation>
    </message>
    <message>
        <source>--start-method must be fork, spawn or forkserver, got &quot;%1&quot;</source>
        <translation>--start-method muss fork, spawn oder forkserver sein, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--variant needs a name</source>
        <translation>--variant braucht einen Namen</translation>
    </message>
    <message>
        <source>--workers must be a whole number from 1 to %1, got &quot;%2&quot;</source>
        <translation>--workers muss eine ganze Zahl von 1 bis %1 sein, erhalten: „%2“</translation>
    </message>
    <message>
        <source>--gil must be on or off, got &quot;%1&quot;</source>
        <translation>--gil muss on oder off sein, erhalten: „%1“</translation>
    </message>
    <message>
        <source>--switch-interval-ms must be a whole number from %1 to %2, got &quot;%3&quot;</source>
        <translation>--switch-interval-ms muss eine ganze Zahl von %1 bis %2 sein, erhalten: „%3“</translation>
    </message>
    <message>
        <source>--time-scale must be a number from %1 to %2, got &quot;%3&quot;</source>
        <translation>--time-scale muss eine Zahl von %1 bis %2 sein, erhalten: „%3“</translation>
    </message>
    <message>
        <source>--seed must be a whole number from 0 to 18446744073709551615, got &quot;%1&quot;</source>
        <translation>--seed muss eine ganze Zahl von 0 bis 18446744073709551615 sein, erhalten: „%1“</translation>
    </message>
    <message>
        <source>%1 needs a file name</source>
        <translation>%1 braucht einen Dateinamen</translation>
    </message>
    <message>
        <source>--run needs a scenario id (see --list)</source>
        <translation>--run braucht eine Szenario-ID (siehe --list)</translation>
    </message>
    <message>
        <source>--repeat must be a whole number from 1 to %1, got &quot;%2&quot;</source>
        <translation>--repeat muss eine ganze Zahl von 1 bis %1 sein, erhalten: „%2“</translation>
    </message>
    <message>
        <source>variant &quot;%1&quot;: %2</source>
        <translation>Variante „%1“: %2</translation>
    </message>
    <message>
        <source>the model uses the development machine&apos;s figures</source>
        <translation>das Modell verwendet die Werte des Entwicklungsrechners</translation>
    </message>
    <message>
        <source>Measured %1 (Python %2):</source>
        <translation>Gemessen: %1 (Python %2):</translation>
    </message>
    <message>
        <source>Cached in %1</source>
        <translation>Im Cache: %1</translation>
    </message>
    <message>
        <source>(nowhere: the cache folder is not writable)</source>
        <translation>(nirgends: der Cache-Ordner ist nicht beschreibbar)</translation>
    </message>
    <message>
        <source>no scenario &quot;%1&quot; (see --list: %2)</source>
        <translation>kein Szenario „%1“ (siehe --list: %2)</translation>
    </message>
    <message>
        <source>picture exports (%1) need the GUI part, which this build does not include</source>
        <translation>Bildexporte (%1) brauchen den grafischen Teil, den dieser Build nicht enthält</translation>
    </message>
    <message>
        <source>the run was cancelled</source>
        <translation>der Lauf wurde abgebrochen</translation>
    </message>
    <message>
        <source>A lesson file (*.threadlab.json) to open in the window.</source>
        <translation>Eine Lektionsdatei (*.threadlab.json), die im Fenster geöffnet wird.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;: a lesson file given alone opens in the window; with %2 use --scenario-file PATH</source>
        <translation>unerwartetes Argument „%1“: eine Lektionsdatei allein öffnet sich im Fenster; mit %2 --scenario-file PATH verwenden</translation>
    </message>
    <message>
        <source>one lesson file at a time: got &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>nur eine Lektionsdatei auf einmal, erhalten: „%1“ und „%2“</translation>
    </message>
    <message>
        <source>two lesson files: &quot;%1&quot; and --scenario-file &quot;%2&quot;; give one</source>
        <translation>zwei Lektionsdateien: „%1“ und --scenario-file „%2“; nur eine angeben</translation>
    </message>
    <message>
        <source>the lesson file&apos;s name is empty</source>
        <translation>der Name der Lektionsdatei ist leer</translation>
    </message>
</context>
<context>
    <name>CommandLinePictures</name>
    <message>
        <source>picture exports need the graphical application (QApplication)</source>
        <translation>Bildexporte brauchen die grafische Anwendung (QApplication)</translation>
    </message>
</context>
<context>
    <name>Engine</name>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>CPython</source>
        <translation>CPython</translation>
    </message>
    <message>
        <source>native</source>
        <translation>nativ</translation>
    </message>
</context>
<context>
    <name>EngineComparison</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>   %1 %2</source>
        <translation>   %1 %2</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>   difference %1%2</source>
        <translation>   Unterschied %1%2</translation>
    </message>
    <message>
        <source>Fidelity (each ratio of the lesson in every engine):</source>
        <translation>Treue (jedes Verhältnis der Lektion in jeder Engine):</translation>
    </message>
</context>
<context>
    <name>ExportKind</name>
    <message>
        <source>Write results JSON.</source>
        <translation>Ergebnisse als JSON schreiben.</translation>
    </message>
    <message>
        <source>Write the elapsed-time chart as PNG.</source>
        <translation>Das Laufzeitdiagramm als PNG schreiben.</translation>
    </message>
    <message>
        <source>Elapsed chart as &amp;PNG…</source>
        <translation>Laufzeitdiagramm als &amp;PNG…</translation>
    </message>
    <message>
        <source>Chart PNG</source>
        <translation>Diagramm-PNG</translation>
    </message>
    <message>
        <source>Export the elapsed-time chart as PNG (Ctrl+E)</source>
        <translation>Das Laufzeitdiagramm als PNG exportieren (Strg+E)</translation>
    </message>
    <message>
        <source>Export the elapsed-time chart</source>
        <translation>Laufzeitdiagramm exportieren</translation>
    </message>
    <message>
        <source>Exported.</source>
        <translation>Exportiert.</translation>
    </message>
    <message>
        <source>Write the timeline as PNG.</source>
        <translation>Die Zeitleiste als PNG schreiben.</translation>
    </message>
    <message>
        <source>&amp;Timeline as PNG…</source>
        <translation>&amp;Zeitleiste als PNG…</translation>
    </message>
    <message>
        <source>Timeline PNG</source>
        <translation>Zeitleisten-PNG</translation>
    </message>
    <message>
        <source>Export the timeline as PNG</source>
        <translation>Die Zeitleiste als PNG exportieren</translation>
    </message>
    <message>
        <source>Export the timeline</source>
        <translation>Zeitleiste exportieren</translation>
    </message>
    <message>
        <source>Write the elapsed-time chart as SVG.</source>
        <translation>Das Laufzeitdiagramm als SVG schreiben.</translation>
    </message>
    <message>
        <source>Write the whole window after the run as PNG.</source>
        <translation>Das ganze Fenster nach dem Lauf als PNG schreiben.</translation>
    </message>
    <message>
        <source>&amp;Whole window as PNG…</source>
        <translation>&amp;Ganzes Fenster als PNG…</translation>
    </message>
    <message>
        <source>Window PNG</source>
        <translation>Fenster-PNG</translation>
    </message>
    <message>
        <source>Export the whole window as PNG</source>
        <translation>Das ganze Fenster als PNG exportieren</translation>
    </message>
    <message>
        <source>Export the whole window</source>
        <translation>Ganzes Fenster exportieren</translation>
    </message>
    <message>
        <source>Write results as CSV.</source>
        <translation>Ergebnisse als CSV schreiben.</translation>
    </message>
    <message>
        <source>Results as &amp;CSV…</source>
        <translation>Ergebnisse als &amp;CSV…</translation>
    </message>
    <message>
        <source>Export the results as CSV</source>
        <translation>Die Ergebnisse als CSV exportieren</translation>
    </message>
    <message>
        <source>CSV written.</source>
        <translation>CSV geschrieben.</translation>
    </message>
    <message>
        <source>Write a Chrome Trace Event file (opens in Perfetto).</source>
        <translation>Eine Chrome-Trace-Event-Datei schreiben (öffnet sich in Perfetto).</translation>
    </message>
    <message>
        <source>Perfetto t&amp;race…</source>
        <translation>Perfetto-T&amp;race…</translation>
    </message>
    <message>
        <source>Export a Perfetto trace</source>
        <translation>Einen Perfetto-Trace exportieren</translation>
    </message>
    <message>
        <source>Trace written: open it at ui.perfetto.dev.</source>
        <translation>Trace geschrieben: unter ui.perfetto.dev öffnen.</translation>
    </message>
    <message>
        <source>JSON files (*.%1)</source>
        <translation>JSON-Dateien (*.%1)</translation>
    </message>
    <message>
        <source>CSV files (*.%1)</source>
        <translation>CSV-Dateien (*.%1)</translation>
    </message>
    <message>
        <source>Trace files (*.%1)</source>
        <translation>Trace-Dateien (*.%1)</translation>
    </message>
    <message>
        <source>PNG pictures (*.%1)</source>
        <translation>PNG-Bilder (*.%1)</translation>
    </message>
    <message>
        <source>SVG pictures (*.%1)</source>
        <translation>SVG-Bilder (*.%1)</translation>
    </message>
    <message>
        <source>Elapsed chart as S&amp;VG…</source>
        <translation>Laufzeitdiagramm als S&amp;VG…</translation>
    </message>
    <message>
        <source>T&amp;imeline as SVG…</source>
        <translation>Ze&amp;itleiste als SVG…</translation>
    </message>
    <message>
        <source>W&amp;hole window as SVG…</source>
        <translation>Ganzes &amp;Fenster als SVG…</translation>
    </message>
</context>
<context>
    <name>GilReader</name>
    <message>
        <source>%1: cannot be read</source>
        <translation>%1: kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>%1: not a 64-bit ELF file</source>
        <translation>%1: keine 64-Bit-ELF-Datei</translation>
    </message>
    <message>
        <source>%1: has no %2 symbol</source>
        <translation>%1: hat kein Symbol %2</translation>
    </message>
    <message>
        <source>process %1: its memory map cannot be read</source>
        <translation>Prozess %1: seine Speicherbelegung kann nicht gelesen werden</translation>
    </message>
    <message>
        <source>process %1 is not a CPython interpreter (no python executable or libpython mapped)</source>
        <translation>Prozess %1 ist kein CPython-Interpreter (kein Python-Programm und keine libpython eingeblendet)</translation>
    </message>
    <message>
        <source>process %1: its memory cannot be read (%2)</source>
        <translation>Prozess %1: sein Speicher kann nicht gelesen werden (%2)</translation>
    </message>
    <message>
        <source>%1: reading symbols is supported on Linux x86-64 only</source>
        <translation>%1: Symbole lesen geht nur unter Linux x86-64</translation>
    </message>
    <message>
        <source>reading another process&apos;s GIL is supported on Linux x86-64 only</source>
        <translation>den GIL eines anderen Prozesses lesen geht nur unter Linux x86-64</translation>
    </message>
    <message>
        <source>reading the GIL of Python %1.%2 is not supported yet (Python 3.11 to 3.13 are)</source>
        <translation>den GIL von Python %1.%2 lesen geht noch nicht (Python 3.11 bis 3.13 schon)</translation>
    </message>
    <message>
        <source>%1: the GIL is not where CPython %2.%3 keeps it (another build?)</source>
        <translation>%1: der GIL liegt nicht dort, wo CPython %2.%3 ihn hält (ein anderer Build?)</translation>
    </message>
    <message>
        <source>process %1: the interpreter has not started yet</source>
        <translation>Prozess %1: der Interpreter ist noch nicht gestartet</translation>
    </message>
</context>
<context>
    <name>GilStripPainter</name>
    <message>
        <source>GIL off: threads run in parallel</source>
        <translation>GIL aus: Threads laufen parallel</translation>
    </message>
    <message>
        <source>GIL (its own)</source>
        <translation>GIL (eigener)</translation>
    </message>
    <message>
        <source>GIL · 1 hand-over</source>
        <translation>GIL · 1 Übergabe</translation>
    </message>
    <message>
        <source>GIL · %1 hand-overs</source>
        <translation>GIL · %1 Übergaben</translation>
    </message>
    <message>
        <source>GIL off</source>
        <translation>GIL aus</translation>
    </message>
    <message>
        <source>1 GIL hand-over</source>
        <translation>1 GIL-Übergabe</translation>
    </message>
    <message>
        <source>%1 GIL hand-overs</source>
        <translation>%1 GIL-Übergaben</translation>
    </message>
    <message>
        <source>observed from outside, %1 times a second: each change ± %2 ms</source>
        <translation>von außen beobachtet, %1-mal pro Sekunde: jede Änderung ± %2 ms</translation>
    </message>
    <message>
        <source>nobody holds the GIL at %1</source>
        <translation>niemand hält den GIL bei %1</translation>
    </message>
    <message>
        <source>%1 holds the GIL</source>
        <translation>%1 hält den GIL</translation>
    </message>
    <message>
        <source>from %1 to %2 (%3%4)</source>
        <translation>von %1 bis %2 (%3%4)</translation>
    </message>
    <message>
        <source> so far</source>
        <translation> bisher</translation>
    </message>
</context>
<context>
    <name>LaneLabels</name>
    <message>
        <source> · own GIL</source>
        <translation> · eigener GIL</translation>
    </message>
</context>
<context>
    <name>LanePainter</name>
    <message>
        <source>joining %1</source>
        <translation>wartet auf join von %1</translation>
    </message>
</context>
<context>
    <name>LaneToolTip</name>
    <message>
        <source>, pid %1</source>
        <translation>, PID %1</translation>
    </message>
    <message>
        <source>, daemon</source>
        <translation>, Daemon</translation>
    </message>
    <message>
        <source>ended: %1 at %2</source>
        <translation>beendet: %1 bei %2</translation>
    </message>
    <message>
        <source>output at %1:
%2</source>
        <translation>Ausgabe bei %1:
%2</translation>
    </message>
    <message>
        <source>queue put %1 at %2</source>
        <translation>Queue put %1 bei %2</translation>
    </message>
    <message>
        <source>queue get %1 from %2 at %3</source>
        <translation>Queue get %1 von %2 bei %3</translation>
    </message>
    <message>
        <source>read %1 at %2</source>
        <translation>liest %1 bei %2</translation>
    </message>
    <message>
        <source>wrote %1 at %2</source>
        <translation>schreibt %1 bei %2</translation>
    </message>
    <message>
        <source>waiting for the GIL (observed)</source>
        <translation>wartet auf den GIL (beobachtet)</translation>
    </message>
    <message>
        <source>%1 held it from %2 to %3</source>
        <translation>%1 hielt ihn von %2 bis %3</translation>
    </message>
    <message>
        <source>read %1 times a second: each change is seen up to %2 ms late</source>
        <translation>%1-mal pro Sekunde gelesen: jede Änderung wird bis zu %2 ms zu spät gesehen</translation>
    </message>
    <message>
        <source>not created yet</source>
        <translation>noch nicht erzeugt</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1 bei %2</translation>
    </message>
    <message>
        <source>waiting to join %1</source>
        <translation>wartet auf join von %1</translation>
    </message>
    <message>
        <source>start %1</source>
        <translation>Start %1</translation>
    </message>
    <message>
        <source>duration %1%2</source>
        <translation>Dauer %1%2</translation>
    </message>
    <message>
        <source> so far</source>
        <translation> bisher</translation>
    </message>
</context>
<context>
    <name>LessonVerdict</name>
    <message>
        <source>not measured</source>
        <translation>nicht gemessen</translation>
    </message>
    <message>
        <source>not observed</source>
        <translation>nicht beobachtet</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>one at a time</source>
        <translation>einer nach dem anderen</translation>
    </message>
    <message>
        <source>up to %1 at once</source>
        <translation>bis zu %1 gleichzeitig</translation>
    </message>
    <message>
        <source>the machine&apos;s load could not be measured here, so the cause is unknown</source>
        <translation>die Last des Rechners ließ sich hier nicht messen, daher ist die Ursache unbekannt</translation>
    </message>
    <message>
        <source>the machine was busy (%1)</source>
        <translation>der Rechner war ausgelastet (%1)</translation>
    </message>
    <message>
        <source>the machine was not busy (%1), so the cause lies elsewhere</source>
        <translation>der Rechner war nicht ausgelastet (%1), die Ursache liegt also woanders</translation>
    </message>
    <message>
        <source>✗ this run did not show the lesson: %1; %2</source>
        <translation>✗ dieser Lauf hat die Lektion nicht gezeigt: %1; %2</translation>
    </message>
</context>
<context>
    <name>LineOrder</name>
    <message>
        <source>the lines came out in the order %1: the scheduler decides who prints next, so the order differs from run to run</source>
        <translation>die Zeilen kamen in der Reihenfolge %1: der Scheduler entscheidet, wer als Nächstes ausgibt, daher ändert sich die Reihenfolge von Lauf zu Lauf</translation>
    </message>
</context>
<context>
    <name>LostUpdateFinder</name>
    <message>
        <source>%1 read %2, %3 read %2, both wrote %4</source>
        <translation>%1 liest %2, %3 liest %2, beide schreiben %4</translation>
    </message>
</context>
<context>
    <name>MachineLoad</name>
    <message>
        <source>load unknown</source>
        <translation>Last unbekannt</translation>
    </message>
    <message>
        <source>1 core</source>
        <translation>1 Kern</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>%1 Kerne</translation>
    </message>
    <message>
        <source>load %1 on %2, %3% steal, other programs %4% of the CPU</source>
        <translation>Last %1 auf %2, %3% Steal, andere Programme %4% der CPU</translation>
    </message>
</context>
<context>
    <name>PictureExporter</name>
    <message>
        <source>CPython %1 (%2)</source>
        <translation>CPython %1 (%2)</translation>
    </message>
    <message>
        <source>median of %1 runs</source>
        <translation>Median aus %1 Läufen</translation>
    </message>
    <message>
        <source>switch interval %1 ms</source>
        <translation>Umschaltintervall %1 ms</translation>
    </message>
    <message>
        <source>Python (GIL on)</source>
        <translation>Python (GIL an)</translation>
    </message>
    <message>
        <source>native C++ (GIL off)</source>
        <translation>natives C++ (GIL aus)</translation>
    </message>
    <message>
        <source>%1 workers</source>
        <translation>%1 Worker</translation>
    </message>
    <message>
        <source>workers as in the scenario</source>
        <translation>Worker wie im Szenario</translation>
    </message>
    <message>
        <source>time scale ×%1</source>
        <translation>Zeitskala ×%1</translation>
    </message>
    <message>
        <source>seed %1</source>
        <translation>Seed %1</translation>
    </message>
    <message>
        <source>1 core</source>
        <translation>1 Kern</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>%1 Kerne</translation>
    </message>
    <message>
        <source>stopped early</source>
        <translation>vorzeitig gestoppt</translation>
    </message>
    <message>
        <source>runs: %1</source>
        <translation>Läufe: %1</translation>
    </message>
    <message>
        <source>%1: cannot draw the SVG picture</source>
        <translation>%1: das SVG-Bild kann nicht gezeichnet werden</translation>
    </message>
    <message>
        <source>%1: the picture would be too large (%2×%3)</source>
        <translation>%1: das Bild wäre zu groß (%2×%3)</translation>
    </message>
    <message>
        <source>%1: cannot encode the PNG picture</source>
        <translation>%1: das PNG-Bild kann nicht kodiert werden</translation>
    </message>
    <message>
        <source>%1 — elapsed time</source>
        <translation>%1 — Laufzeit</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>%1: the run has no timeline to draw</source>
        <translation>%1: der Lauf hat keine Zeitleiste zum Zeichnen</translation>
    </message>
</context>
<context>
    <name>PythonInterpreter</name>
    <message>
        <source>Python interpreter %1: %2</source>
        <translation>Python-Interpreter %1: %2</translation>
    </message>
    <message>
        <source>no python3 found (install python3, or name one with --python)</source>
        <translation>kein python3 gefunden (python3 installieren oder mit --python einen angeben)</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>keine solche Datei</translation>
    </message>
    <message>
        <source>not an executable program</source>
        <translation>kein ausführbares Programm</translation>
    </message>
    <message>
        <source>could not be started</source>
        <translation>konnte nicht gestartet werden</translation>
    </message>
    <message>
        <source>did not answer within %1 s</source>
        <translation>hat nicht innerhalb von %1 s geantwortet</translation>
    </message>
    <message>
        <source>is not a Python 3 interpreter ThreadLab can use (the probe failed)</source>
        <translation>ist kein Python-3-Interpreter, den ThreadLab nutzen kann (die Prüfung schlug fehl)</translation>
    </message>
    <message>
        <source>answered the probe with something that is not its report</source>
        <translation>hat auf die Prüfung mit etwas geantwortet, das nicht sein Bericht ist</translation>
    </message>
    <message>
        <source>is Python %1; ThreadLab needs Python 3.8 or later</source>
        <translation>ist Python %1; ThreadLab braucht Python 3.8 oder neuer</translation>
    </message>
</context>
<context>
    <name>ResultWriter</name>
    <message>
        <source>parent&apos;s list: %1</source>
        <translation>Liste des Elternprozesses: %1</translation>
    </message>
    <message>
        <source>%1&apos;s own list: %2</source>
        <translation>eigene Liste von %1: %2</translation>
    </message>
    <message>
        <source>counter: %1 of %2</source>
        <translation>Zähler: %1 von %2</translation>
    </message>
    <message>
        <source> — %1 updates lost</source>
        <translation> — %1 Aktualisierungen verloren</translation>
    </message>
    <message>
        <source>for example: %1</source>
        <translation>zum Beispiel: %1</translation>
    </message>
    <message>
        <source>received %1 of %2 items</source>
        <translation>%1 von %2 Elementen empfangen</translation>
    </message>
    <message>
        <source>daemon %1 cut off after %2 s</source>
        <translation>Daemon %1 nach %2 s abgeschnitten</translation>
    </message>
    <message>
        <source>%1 crashed: %2</source>
        <translation>%1 abgestürzt: %2</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>the GIL changed hands %1 times (observed)</source>
        <translation>der GIL wechselte %1-mal den Besitzer (beobachtet)</translation>
    </message>
    <message>
        <source>the GIL changed hands %1 times</source>
        <translation>der GIL wechselte %1-mal den Besitzer</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source> (%1–%2)</source>
        <translation> (%1–%2)</translation>
    </message>
    <message>
        <source>Engine %1:
</source>
        <translation>Engine %1:
</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>%1 — %2 (engine cpython: Python %3, %4, time scale %5, %6 cores)</source>
        <translation>%1 — %2 (Engine cpython: Python %3, %4, Zeitskala %5, %6 Kerne)</translation>
    </message>
    <message>
        <source>%1 — %2 (GIL %3, time scale %4, %5 cores)</source>
        <translation>%1 — %2 (GIL %3, Zeitskala %4, %5 Kerne)</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>, median of %1 runs (min–max)</source>
        <translation>, Median aus %1 Läufen (Min–Max)</translation>
    </message>
    <message>
        <source>(run cancelled)
</source>
        <translation>(Lauf abgebrochen)
</translation>
    </message>
    <message>
        <source>%1: cannot write the file: %2</source>
        <translation>%1: die Datei kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>RunHistory</name>
    <message>
        <source>GIL on</source>
        <translation>GIL an</translation>
    </message>
    <message>
        <source>GIL off</source>
        <translation>GIL aus</translation>
    </message>
    <message>
        <source>engines side by side</source>
        <translation>Engines nebeneinander</translation>
    </message>
    <message>
        <source>%1 workers</source>
        <translation>%1 Worker</translation>
    </message>
    <message>
        <source>default workers</source>
        <translation>Standard-Worker</translation>
    </message>
    <message>
        <source>switch %1 ms</source>
        <translation>Umschalten %1 ms</translation>
    </message>
    <message>
        <source>time ×%1</source>
        <translation>Zeit ×%1</translation>
    </message>
    <message>
        <source>median of %1 runs</source>
        <translation>Median aus %1 Läufen</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>CPython</source>
        <translation>CPython</translation>
    </message>
    <message>
        <source>Native</source>
        <translation>Nativ</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1–%2 s</source>
        <translation>%1–%2 s</translation>
    </message>
    <message>
        <source>%1–%2 ms</source>
        <translation>%1–%2 ms</translation>
    </message>
    <message>
        <source>cut off after %1 s</source>
        <translation>nach %1 s abgeschnitten</translation>
    </message>
    <message>
        <source>about as fast as %1</source>
        <translation>etwa so schnell wie %1</translation>
    </message>
    <message>
        <source>%1 faster than %2</source>
        <translation>%1 schneller als %2</translation>
    </message>
    <message>
        <source>%1 slower than %2</source>
        <translation>%1 langsamer als %2</translation>
    </message>
</context>
<context>
    <name>ScenarioCatalog</name>
    <message>
        <source>there is no built-in scenario &quot;%1&quot; (built-in: %2)</source>
        <translation>es gibt kein eingebautes Szenario „%1“ (eingebaut: %2)</translation>
    </message>
</context>
<context>
    <name>ScenarioLoader</name>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>true</source>
        <translation>true</translation>
    </message>
    <message>
        <source>false</source>
        <translation>false</translation>
    </message>
    <message>
        <source>the number %1</source>
        <translation>die Zahl %1</translation>
    </message>
    <message>
        <source>a string (%1)</source>
        <translation>eine Zeichenkette (%1)</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>unknown key %1 (allowed: %2)</source>
        <translation>unbekannter Schlüssel %1 (erlaubt: %2)</translation>
    </message>
    <message>
        <source>missing required key &quot;%1&quot;</source>
        <translation>der nötige Schlüssel „%1“ fehlt</translation>
    </message>
    <message>
        <source>must be %1, got %2</source>
        <translation>muss %1 sein, erhalten: %2</translation>
    </message>
    <message>
        <source>an array of %1 to %2 %3</source>
        <translation>ein Array aus %1 bis %2 %3</translation>
    </message>
    <message>
        <source>an array of at most %1 %2</source>
        <translation>ein Array aus höchstens %1 %2</translation>
    </message>
    <message>
        <source>a string of %1 to %2 characters</source>
        <translation>eine Zeichenkette aus %1 bis %2 Zeichen</translation>
    </message>
    <message>
        <source>a string of at most %1 characters</source>
        <translation>eine Zeichenkette aus höchstens %1 Zeichen</translation>
    </message>
    <message>
        <source>an empty string</source>
        <translation>eine leere Zeichenkette</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 Zeichen</translation>
    </message>
    <message>
        <source>must hold the English text under &quot;en&quot; when it is given per language</source>
        <translation>muss den englischen Text unter &quot;en&quot; enthalten, wenn er je Sprache angegeben ist</translation>
    </message>
    <message>
        <source>must be in at most %1 languages, got %2</source>
        <translation>darf in höchstens %1 Sprachen sein, erhalten: %2</translation>
    </message>
    <message>
        <source>language %1 must be a code of 2 or 3 lower-case letters such as &quot;de&quot;</source>
        <translation>die Sprache %1 muss ein Code aus 2 oder 3 Kleinbuchstaben sein, etwa &quot;de&quot;</translation>
    </message>
    <message>
        <source>a whole number from %1 to %2</source>
        <translation>eine ganze Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>a number from %1 to %2</source>
        <translation>eine Zahl von %1 bis %2</translation>
    </message>
    <message>
        <source>must be true or false, got %1</source>
        <translation>muss true oder false sein, erhalten: %1</translation>
    </message>
    <message>
        <source>must be one of %1, got %2</source>
        <translation>muss eins von %1 sein, erhalten: %2</translation>
    </message>
    <message>
        <source>unsupported format %1: this version of ThreadLab reads format %2</source>
        <translation>nicht unterstütztes Format %1: diese Version von ThreadLab liest Format %2</translation>
    </message>
    <message>
        <source>must be 1 to %1 characters of a-z, 0-9 and &quot;-&quot;, starting with a letter, got %2</source>
        <translation>muss 1 bis %1 Zeichen aus a-z, 0-9 und &quot;-&quot; sein und mit einem Buchstaben beginnen, erhalten: %2</translation>
    </message>
    <message>
        <source>must be one of &quot;C1&quot; … &quot;C%1&quot;, got %2</source>
        <translation>muss eins von &quot;C1&quot; … &quot;C%1&quot; sein, erhalten: %2</translation>
    </message>
    <message>
        <source>strings</source>
        <translation>Zeichenketten</translation>
    </message>
    <message>
        <source>an object with the keys &quot;python&quot; and &quot;cpp&quot;</source>
        <translation>ein Objekt mit den Schlüsseln &quot;python&quot; und &quot;cpp&quot;</translation>
    </message>
    <message>
        <source>variants</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <source>duplicate variant name %1 (also used by variants[%2]); names must be unique</source>
        <translation>doppelter Variantenname %1 (auch von variants[%2] verwendet); Namen müssen eindeutig sein</translation>
    </message>
    <message>
        <source>variant names</source>
        <translation>Variantennamen</translation>
    </message>
    <message>
        <source>names %1 a second time</source>
        <translation>nennt %1 ein zweites Mal</translation>
    </message>
    <message>
        <source>an object with the key &quot;checks&quot;</source>
        <translation>ein Objekt mit dem Schlüssel &quot;checks&quot;</translation>
    </message>
    <message>
        <source>checks</source>
        <translation>Prüfungen</translation>
    </message>
    <message>
        <source>a check object</source>
        <translation>ein Prüfungsobjekt</translation>
    </message>
    <message>
        <source>missing required key &quot;kind&quot;</source>
        <translation>der nötige Schlüssel &quot;kind&quot; fehlt</translation>
    </message>
    <message>
        <source>needs &quot;atLeast&quot;, &quot;atMost&quot; or both</source>
        <translation>braucht &quot;atLeast&quot;, &quot;atMost&quot; oder beide</translation>
    </message>
    <message>
        <source>must be at least &quot;atLeast&quot; (%1), got %2</source>
        <translation>muss mindestens &quot;atLeast&quot; (%1) sein, erhalten: %2</translation>
    </message>
    <message>
        <source>worker names</source>
        <translation>Worker-Namen</translation>
    </message>
    <message>
        <source>no variant named %1 (variants: %2)</source>
        <translation>keine Variante namens %1 (Varianten: %2)</translation>
    </message>
    <message>
        <source>a variant object</source>
        <translation>ein Variantenobjekt</translation>
    </message>
    <message>
        <source>tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>worker groups</source>
        <translation>Worker-Gruppen</translation>
    </message>
    <message>
        <source>the groups add up to %1 workers (scalable groups counted as defaults.workers); at most %2 are allowed in a variant</source>
        <translation>die Gruppen ergeben zusammen %1 Worker (skalierbare Gruppen zählen als defaults.workers); höchstens %2 sind in einer Variante erlaubt</translation>
    </message>
    <message>
        <source>&quot;receive&quot;: true needs at least one &quot;send&quot; task among the workers, and this variant has none</source>
        <translation>&quot;receive&quot;: true braucht mindestens eine &quot;send&quot;-Aufgabe bei den Workern, und diese Variante hat keine</translation>
    </message>
    <message>
        <source>a worker group object</source>
        <translation>ein Worker-Gruppen-Objekt</translation>
    </message>
    <message>
        <source>a task object</source>
        <translation>ein Aufgabenobjekt</translation>
    </message>
    <message>
        <source>unknown task kind %1 (allowed: %2)</source>
        <translation>unbekannte Aufgabenart %1 (erlaubt: %2)</translation>
    </message>
    <message>
        <source>must be a task kind (%1), got %2</source>
        <translation>muss eine Aufgabenart sein (%1), erhalten: %2</translation>
    </message>
    <message>
        <source>a &quot;%1&quot; task cannot run in main: %1 tasks are only allowed in the workers of a &quot;%2&quot; variant</source>
        <translation>eine &quot;%1&quot;-Aufgabe kann nicht in main laufen: %1-Aufgaben sind nur in den Workern einer &quot;%2&quot;-Variante erlaubt</translation>
    </message>
    <message>
        <source>a &quot;%1&quot; task is only allowed in the workers of a &quot;%2&quot; variant, and this variant&apos;s mode is &quot;%3&quot;</source>
        <translation>eine &quot;%1&quot;-Aufgabe ist nur in den Workern einer &quot;%2&quot;-Variante erlaubt, und der Modus dieser Variante ist &quot;%3&quot;</translation>
    </message>
    <message>
        <source>only means something with &quot;%1&quot;: &quot;%2&quot;</source>
        <translation>hat nur mit &quot;%1&quot;: &quot;%2&quot; eine Bedeutung</translation>
    </message>
    <message>
        <source>must be at least %1 (%2), got %3</source>
        <translation>muss mindestens %1 (%2) sein, erhalten: %3</translation>
    </message>
    <message>
        <source>whole numbers</source>
        <translation>ganze Zahlen</translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation>%1: die Datei kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>no file name was given</source>
        <translation>es wurde kein Dateiname angegeben</translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation>sie existiert nicht</translation>
    </message>
    <message>
        <source>it is a directory</source>
        <translation>sie ist ein Ordner</translation>
    </message>
    <message>
        <source>it is not a regular file</source>
        <translation>sie ist keine normale Datei</translation>
    </message>
    <message>
        <source>permission denied</source>
        <translation>Zugriff verweigert</translation>
    </message>
    <message>
        <source>the file is too large: %1 bytes, and at most %2 MiB (%3 bytes) is allowed</source>
        <translation>die Datei ist zu groß: %1 Bytes, erlaubt sind höchstens %2 MiB (%3 Bytes)</translation>
    </message>
    <message>
        <source>line %1, column %2</source>
        <translation>Zeile %1, Spalte %2</translation>
    </message>
    <message>
        <source>JSON syntax error: JSON has no comments (// or /* */)</source>
        <translation>JSON-Syntaxfehler: JSON hat keine Kommentare (// oder /* */)</translation>
    </message>
    <message>
        <source>JSON syntax error: strings and keys need double quotes, not single quotes</source>
        <translation>JSON-Syntaxfehler: Zeichenketten und Schlüssel brauchen doppelte Anführungszeichen, keine einfachen</translation>
    </message>
    <message>
        <source>JSON syntax error: a comma before &quot;%1&quot; (JSON allows no comma after the last item)</source>
        <translation>JSON-Syntaxfehler: ein Komma vor &quot;%1&quot; (JSON erlaubt kein Komma nach dem letzten Element)</translation>
    </message>
    <message>
        <source>JSON syntax error: a control character (byte 0x%1) inside a string; write a line break as \n</source>
        <translation>JSON-Syntaxfehler: ein Steuerzeichen (Byte 0x%1) in einer Zeichenkette; einen Zeilenumbruch als \n schreiben</translation>
    </message>
    <message>
        <source>JSON syntax error: invalid escape sequence in a string (\u needs four hex digits)</source>
        <translation>JSON-Syntaxfehler: ungültige Escape-Sequenz in einer Zeichenkette (\u braucht vier Hex-Ziffern)</translation>
    </message>
    <message>
        <source>JSON syntax error: invalid escape sequence %1in a string (allowed: \&quot; \\ \/ \b \f \n \r \t \uXXXX)</source>
        <translation>JSON-Syntaxfehler: ungültige Escape-Sequenz %1in einer Zeichenkette (erlaubt: \&quot; \\ \/ \b \f \n \r \t \uXXXX)</translation>
    </message>
    <message>
        <source>duplicate key %1: each key may appear only once in an object</source>
        <translation>doppelter Schlüssel %1: jeder Schlüssel darf in einem Objekt nur einmal vorkommen</translation>
    </message>
    <message>
        <source>unterminated object (a &quot;}&quot; or a &quot;,&quot; is missing)</source>
        <translation>nicht abgeschlossenes Objekt (eine &quot;}&quot; oder ein &quot;,&quot; fehlt)</translation>
    </message>
    <message>
        <source>missing &quot;:&quot; after a key</source>
        <translation>&quot;:&quot; nach einem Schlüssel fehlt</translation>
    </message>
    <message>
        <source>unterminated array (a &quot;]&quot; or a &quot;,&quot; is missing)</source>
        <translation>nicht abgeschlossenes Array (eine &quot;]&quot; oder ein &quot;,&quot; fehlt)</translation>
    </message>
    <message>
        <source>missing &quot;,&quot; between values</source>
        <translation>&quot;,&quot; zwischen Werten fehlt</translation>
    </message>
    <message>
        <source>not a value (strings need double quotes; true, false and null are lower case; JSON has no comments)</source>
        <translation>kein Wert (Zeichenketten brauchen doppelte Anführungszeichen; true, false und null werden kleingeschrieben; JSON hat keine Kommentare)</translation>
    </message>
    <message>
        <source>the file ends inside a number</source>
        <translation>die Datei endet mitten in einer Zahl</translation>
    </message>
    <message>
        <source>not a valid number</source>
        <translation>keine gültige Zahl</translation>
    </message>
    <message>
        <source>invalid escape sequence in a string</source>
        <translation>ungültige Escape-Sequenz in einer Zeichenkette</translation>
    </message>
    <message>
        <source>invalid UTF-8 in a string</source>
        <translation>ungültiges UTF-8 in einer Zeichenkette</translation>
    </message>
    <message>
        <source>unterminated string</source>
        <translation>nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <source>a key in double quotes was expected after the comma</source>
        <translation>nach dem Komma wurde ein Schlüssel in doppelten Anführungszeichen erwartet</translation>
    </message>
    <message>
        <source>nested too deeply (arrays and objects more than 1024 levels inside each other)</source>
        <translation>zu tief verschachtelt (Arrays und Objekte mehr als 1024 Ebenen ineinander)</translation>
    </message>
    <message>
        <source>the document is too large</source>
        <translation>das Dokument ist zu groß</translation>
    </message>
    <message>
        <source>unexpected text after the end of the top-level object</source>
        <translation>unerwarteter Text nach dem Ende des obersten Objekts</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unbekannter Fehler</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <source>true, false or null</source>
        <translation>true, false oder null</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>the file is empty: it holds only white space</source>
        <translation>die Datei ist leer: sie enthält nur Leerraum</translation>
    </message>
    <message>
        <source>%1: the file is not valid UTF-8 (byte 0x%2 is not part of a valid character); save it as UTF-8</source>
        <translation>%1: die Datei ist kein gültiges UTF-8 (Byte 0x%2 gehört zu keinem gültigen Zeichen); als UTF-8 speichern</translation>
    </message>
    <message>
        <source>%1: the top level must be a JSON object ({ … }), got %2</source>
        <translation>%1: die oberste Ebene muss ein JSON-Objekt ({ … }) sein, erhalten: %2</translation>
    </message>
    <message>
        <source>%1: JSON syntax error: %2</source>
        <translation>%1: JSON-Syntaxfehler: %2</translation>
    </message>
    <message>
        <source>the top level must be a JSON object ({ … })</source>
        <translation>die oberste Ebene muss ein JSON-Objekt ({ … }) sein</translation>
    </message>
</context>
<context>
    <name>StatePalette</name>
    <message>
        <source>output line</source>
        <translation>Ausgabezeile</translation>
    </message>
    <message>
        <source>queue put</source>
        <translation>Queue put</translation>
    </message>
    <message>
        <source>queue get</source>
        <translation>Queue get</translation>
    </message>
    <message>
        <source>daemon cut off</source>
        <translation>Daemon abgeschnitten</translation>
    </message>
    <message>
        <source>GIL strip: who holds the GIL</source>
        <translation>GIL-Streifen: wer den GIL hält</translation>
    </message>
    <message>
        <source>created</source>
        <translation>erzeugt</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>waiting for GIL</source>
        <translation>wartet auf GIL</translation>
    </message>
    <message>
        <source>waiting I/O</source>
        <translation>wartet auf E/A</translation>
    </message>
    <message>
        <source>waiting lock</source>
        <translation>wartet auf Lock</translation>
    </message>
    <message>
        <source>waiting join</source>
        <translation>wartet auf join</translation>
    </message>
    <message>
        <source>waiting queue</source>
        <translation>wartet auf Queue</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>crashed</source>
        <translation>abgestürzt</translation>
    </message>
    <message>
        <source>cut off</source>
        <translation>abgeschnitten</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>starting interpreter</source>
        <translation>Interpreter startet</translation>
    </message>
    <message>
        <source>interp.</source>
        <translation>Interp.</translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>run</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>GIL</source>
        <translation>GIL</translation>
    </message>
    <message>
        <source>I/O</source>
        <translation>E/A</translation>
    </message>
    <message>
        <source>lock</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>join</source>
        <translation>join</translation>
    </message>
    <message>
        <source>queue</source>
        <translation>Queue</translation>
    </message>
    <message>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>crash</source>
        <translation>Absturz</translation>
    </message>
    <message>
        <source>cut</source>
        <translation>gekappt</translation>
    </message>
    <message>
        <source>stop</source>
        <translation>Stopp</translation>
    </message>
</context>
<context>
    <name>ThreadLab::CompareHeader</name>
    <message>
        <source>Open this variant&apos;s own timeline</source>
        <translation>Die eigene Zeitleiste dieser Variante öffnen</translation>
    </message>
</context>
<context>
    <name>ThreadLab::CompareView</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source> (stopped)</source>
        <translation> (gestoppt)</translation>
    </message>
    <message>
        <source>focus</source>
        <translation>Fokus</translation>
    </message>
    <message>
        <source>click for detail</source>
        <translation>klicken für Details</translation>
    </message>
    <message>
        <source>Compare view</source>
        <translation>Vergleichsansicht</translation>
    </message>
    <message>
        <source>Timeline of %1</source>
        <translation>Zeitleiste von %1</translation>
    </message>
    <message>
        <source>Every variant of a run on one time axis: run the scenario to see them.</source>
        <translation>Jede Variante eines Laufs auf einer Zeitachse: das Szenario starten, um sie zu sehen.</translation>
    </message>
    <message>
        <source>Variants on one time axis (%1), the lesson&apos;s focus first: %2.</source>
        <translation>Varianten auf einer Zeitachse (%1), der Fokus der Lektion zuerst: %2.</translation>
    </message>
    <message>
        <source>Click to open the variant&apos;s own tab</source>
        <translation>Klicken, um den eigenen Tab der Variante zu öffnen</translation>
    </message>
</context>
<context>
    <name>ThreadLab::ConsoleView</name>
    <message>
        <source>What the workers print appears here, in their colours.</source>
        <translation>Was die Worker ausgeben, erscheint hier in ihren Farben.</translation>
    </message>
    <message>
        <source>%1: an update was lost — %2</source>
        <translation>%1: eine Aktualisierung ging verloren — %2</translation>
    </message>
    <message>
        <source>Who printed when — the order differs from run to run:</source>
        <translation>Wer wann ausgab — die Reihenfolge ändert sich von Lauf zu Lauf:</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>Lauf %1</translation>
    </message>
    <message>
        <source>Console pane</source>
        <translation>Konsolenbereich</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>What the workers printed, in the order it came out, each line starting with the worker&apos;s name</source>
        <translation>Was die Worker ausgegeben haben, in der Reihenfolge, in der es kam, jede Zeile beginnt mit dem Namen des Workers</translation>
    </message>
    <message>
        <source>Order of the output</source>
        <translation>Reihenfolge der Ausgabe</translation>
    </message>
</context>
<context>
    <name>ThreadLab::DataTables</name>
    <message>
        <source>Elapsed time chart</source>
        <translation>Laufzeitdiagramm</translation>
    </message>
    <message>
        <source>Speedup chart</source>
        <translation>Speedup-Diagramm</translation>
    </message>
    <message>
        <source>Start latency chart</source>
        <translation>Startzeit-Diagramm</translation>
    </message>
    <message>
        <source>Elapsed time table</source>
        <translation>Laufzeittabelle</translation>
    </message>
    <message>
        <source>Speedup table</source>
        <translation>Speedup-Tabelle</translation>
    </message>
    <message>
        <source>Start latency table</source>
        <translation>Startzeit-Tabelle</translation>
    </message>
    <message>
        <source>The chart&apos;s numbers, one row per bar or point</source>
        <translation>Die Zahlen des Diagramms, eine Zeile je Balken oder Punkt</translation>
    </message>
    <message>
        <source>Timeline as a table</source>
        <translation>Zeitleiste als Tabelle</translation>
    </message>
    <message>
        <source>Intervals</source>
        <translation>Intervalle</translation>
    </message>
    <message>
        <source>Every state interval of the variant whose tab is chosen (of every variant on the Compare tab): worker, state, start, end, duration and what it printed</source>
        <translation>Jedes Zustandsintervall der Variante, deren Tab gewählt ist (jeder Variante beim Tab „Vergleich“): Worker, Zustand, Start, Ende, Dauer und was er ausgab</translation>
    </message>
    <message>
        <source>The intervals appear here when the run has ended.</source>
        <translation>Die Intervalle erscheinen hier, wenn der Lauf beendet ist.</translation>
    </message>
    <message>
        <source>The first %1 of %2 intervals; the Perfetto trace (File ▸ Export) has them all.</source>
        <translation>Die ersten %1 von %2 Intervallen; der Perfetto-Trace (Datei ▸ Exportieren) enthält alle.</translation>
    </message>
    <message>
        <source>%1 intervals.</source>
        <translation>%1 Intervalle.</translation>
    </message>
</context>
<context>
    <name>ThreadLab::ElapsedChart</name>
    <message>
        <source>variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>elapsed time (s)</source>
        <translation>Laufzeit (s)</translation>
    </message>
    <message>
        <source>elapsed time (ms)</source>
        <translation>Laufzeit (ms)</translation>
    </message>
    <message>
        <source> · stopped</source>
        <translation> · gestoppt</translation>
    </message>
</context>
<context>
    <name>ThreadLab::EngineBox</name>
    <message>
        <source>Model (emulated GIL)</source>
        <translation>Modell (emulierter GIL)</translation>
    </message>
    <message>
        <source>Native C++ (no GIL)</source>
        <translation>Natives C++ (kein GIL)</translation>
    </message>
    <message>
        <source>CPython (real Python)</source>
        <translation>CPython (echtes Python)</translation>
    </message>
    <message>
        <source>Model + CPython</source>
        <translation>Modell + CPython</translation>
    </message>
    <message>
        <source>C++ workers with an emulated GIL, calibrated to what CPython costs</source>
        <translation>C++-Worker mit emuliertem GIL, kalibriert auf die Kosten von CPython</translation>
    </message>
    <message>
        <source>C++ workers with no GIL: threads run in parallel</source>
        <translation>C++-Worker ohne GIL: Threads laufen parallel</translation>
    </message>
    <message>
        <source>With the GIL on, only one thread of a process runs Python code at a time</source>
        <translation>Mit GIL führt immer nur ein Thread eines Prozesses Python-Code aus</translation>
    </message>
    <message>
        <source>Real CPython %1 (%2) runs ThreadLab&apos;s own Python runtime of the tasks</source>
        <translation>Echtes CPython %1 (%2) führt ThreadLabs eigene Python-Laufzeit der Aufgaben aus</translation>
    </message>
    <message>
        <source>CPython cannot run: %1</source>
        <translation>CPython kann nicht laufen: %1</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>How the scenario runs: the model with an emulated GIL, native C++ without one, real CPython, or the model and CPython one above the other</source>
        <translation>Wie das Szenario läuft: das Modell mit emuliertem GIL, natives C++ ohne GIL, echtes CPython oder Modell und CPython übereinander</translation>
    </message>
</context>
<context>
    <name>ThreadLab::ExplanationPane</name>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Qt C++</source>
        <translation>Qt C++</translation>
    </message>
    <message>
        <source>Explanation and code</source>
        <translation>Erklärung und Code</translation>
    </message>
    <message>
        <source>Scenario title</source>
        <translation>Szenariotitel</translation>
    </message>
    <message>
        <source>Concepts</source>
        <translation>Konzepte</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Erklärung</translation>
    </message>
    <message>
        <source>What the scenario shows and why, its vocabulary in bold</source>
        <translation>Was das Szenario zeigt und warum, die Fachbegriffe fett</translation>
    </message>
    <message>
        <source>Python code</source>
        <translation>Python-Code</translation>
    </message>
    <message>
        <source>The scenario written with Python&apos;s threading and multiprocessing</source>
        <translation>Das Szenario, geschrieben mit threading und multiprocessing von Python</translation>
    </message>
    <message>
        <source>Qt C++ code</source>
        <translation>Qt-C++-Code</translation>
    </message>
    <message>
        <source>The scenario written with QThread and QProcess</source>
        <translation>Das Szenario, geschrieben mit QThread und QProcess</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>The scenario&apos;s code in Python and in Qt C++</source>
        <translation>Der Code des Szenarios in Python und in Qt C++</translation>
    </message>
</context>
<context>
    <name>ThreadLab::HistoryTableModel</name>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Fastest</source>
        <translation>Schnellster</translation>
    </message>
    <message>
        <source>Slowest</source>
        <translation>Langsamster</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>Speedup</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linie</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Start latency</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 µs</translation>
    </message>
    <message>
        <source>Elapsed time per variant (bars: %1)</source>
        <translation>Laufzeit je Variante (Balken: %1)</translation>
    </message>
    <message>
        <source>Speedup against the number of workers (points: %1)</source>
        <translation>Speedup gegen die Anzahl der Worker (Punkte: %1)</translation>
    </message>
    <message>
        <source>Start latency of each worker (workers: %1)</source>
        <translation>Startzeit jedes Workers (Worker: %1)</translation>
    </message>
    <message>
        <source>%1: no runs yet.</source>
        <translation>%1: noch keine Läufe.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>; the table has %1 more</source>
        <translation>; die Tabelle hat %1 weitere</translation>
    </message>
</context>
<context>
    <name>ThreadLab::IntervalTableModel</name>
    <message>
        <source> (+%1 more)</source>
        <translation> (+%1 weitere)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Worker</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Ende</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
</context>
<context>
    <name>ThreadLab::LatencyChart</name>
    <message>
        <source>worker (in the order started)</source>
        <translation>Worker (in Startreihenfolge)</translation>
    </message>
    <message>
        <source>start() → running (µs, log scale)</source>
        <translation>start() → läuft (µs, log. Skala)</translation>
    </message>
</context>
<context>
    <name>ThreadLab::MainWindow</name>
    <message>
        <source>ThreadLab</source>
        <translation>ThreadLab</translation>
    </message>
    <message>
        <source>Ready. Space runs the scenario, PageDown goes to the next one.</source>
        <translation>Bereit. Leertaste startet das Szenario, Bild ab geht zum nächsten.</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Laufzeit</translation>
    </message>
    <message>
        <source>Speedup</source>
        <translation>Speedup</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Startzeit</translation>
    </message>
    <message>
        <source>Elapsed time per variant, runs side by side</source>
        <translation>Laufzeit je Variante, Läufe nebeneinander</translation>
    </message>
    <message>
        <source>Speedup against the number of workers (sweeps such as cpu-scaling)</source>
        <translation>Speedup gegen die Anzahl der Worker (Reihen wie cpu-scaling)</translation>
    </message>
    <message>
        <source>How long each worker took to start, threads against processes</source>
        <translation>Wie lange jeder Worker zum Starten brauchte, Threads gegen Prozesse</translation>
    </message>
    <message>
        <source>Clear runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message>
        <source>Forget the earlier runs shown side by side in the charts</source>
        <translation>Die früheren Läufe vergessen, die in den Diagrammen nebeneinander stehen</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Szenarien</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>Konsole</translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation>Szenario ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Run the checked variants (Space or Enter)</source>
        <translation>Die angehakten Varianten ausführen (Leertaste oder Eingabe)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>S&amp;topp</translation>
    </message>
    <message>
        <source>Stop the run now (Ctrl+.)</source>
        <translation>Den Lauf sofort stoppen (Strg+.)</translation>
    </message>
    <message>
        <source>&amp;Clear runs</source>
        <translation>Läufe &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Presenter mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Big fonts and thick lines for the back of the room (F5)</source>
        <translation>Große Schrift und dicke Linien für die hinteren Reihen (F5)</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;Stage (fold the side panes)</source>
        <translation>&amp;Bühne (Seitenleisten einklappen)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Bühne</translation>
    </message>
    <message>
        <source>Fold the scenario list, run controls, explanation and code away so that the timeline and the verdict fill the screen; again to bring them back (F6)</source>
        <translation>Szenarioliste, Laufsteuerung, Erklärung und Code einklappen, damit Zeitleiste und Urteil den Bildschirm füllen; nochmals, um sie zurückzuholen (F6)</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Präsentation</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Vollbild</translation>
    </message>
    <message>
        <source>Full screen (F11; Esc leaves it)</source>
        <translation>Vollbild (F11; Esc verlässt es)</translation>
    </message>
    <message>
        <source>Leave full screen</source>
        <translation>Vollbild verlassen</translation>
    </message>
    <message>
        <source>&amp;Dark palette</source>
        <translation>&amp;Dunkle Farben</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Next scenario</source>
        <translation>&amp;Nächstes Szenario</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;System</source>
        <translation>&amp;System</translation>
    </message>
    <message>
        <source>The language changes when ThreadLab starts again.</source>
        <translation>Die Sprache wechselt beim nächsten Start von ThreadLab.</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>The CPython engine cannot run: %1</source>
        <translation>Die CPython-Engine kann nicht laufen: %1</translation>
    </message>
    <message>
        <source>%1 — ThreadLab</source>
        <translation>%1 — ThreadLab</translation>
    </message>
    <message>
        <source>%1 — press Space to run it.</source>
        <translation>%1 — Leertaste startet es.</translation>
    </message>
    <message>
        <source>Cannot open the scenario</source>
        <translation>Das Szenario lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>Open a scenario file</source>
        <translation>Eine Szenariodatei öffnen</translation>
    </message>
    <message>
        <source>The engine is still busy; try again in a moment.</source>
        <translation>Die Engine ist noch beschäftigt; gleich noch einmal versuchen.</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Wird gestoppt…</translation>
    </message>
    <message>
        <source>Run %1 of %2 (%3): running “%4” (variant %5)…</source>
        <translation>Lauf %1 von %2 (%3): „%4“ läuft (Variante %5)…</translation>
    </message>
    <message>
        <source>Run %1 of %2: running “%3” (variant %4)…</source>
        <translation>Lauf %1 von %2: „%3“ läuft (Variante %4)…</translation>
    </message>
    <message>
        <source>Running “%1” (variant %2)…</source>
        <translation>„%1“ läuft (Variante %2)…</translation>
    </message>
    <message>
        <source>The run could not start</source>
        <translation>Der Lauf konnte nicht starten</translation>
    </message>
    <message>
        <source>Stopped after %1.</source>
        <translation>Gestoppt nach %1.</translation>
    </message>
    <message>
        <source>Runs accumulate in the charts; Clear runs starts over.</source>
        <translation>Läufe sammeln sich in den Diagrammen; „Läufe löschen“ beginnt von vorn.</translation>
    </message>
    <message>
        <source>Run the scenario first: the chart is empty.</source>
        <translation>Zuerst das Szenario starten: das Diagramm ist leer.</translation>
    </message>
    <message>
        <source>Run the scenario first: the timeline is empty.</source>
        <translation>Zuerst das Szenario starten: die Zeitleiste ist leer.</translation>
    </message>
    <message>
        <source>Run the scenario first: there are no results yet.</source>
        <translation>Zuerst das Szenario starten: es gibt noch keine Ergebnisse.</translation>
    </message>
    <message>
        <source>Nothing to export yet</source>
        <translation>Noch nichts zu exportieren</translation>
    </message>
    <message>
        <source>%1 File: %2</source>
        <translation>%1 Datei: %2</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not reopened (missing or no longer valid): %1.</source>
        <translation>Nicht wieder geöffnet (fehlt oder nicht mehr gültig): %1.</translation>
    </message>
    <message>
        <source>Time scale ×%1 from the last session; this scenario&apos;s default is ×%2.</source>
        <translation>Zeitskala ×%1 aus der letzten Sitzung; der Standard dieses Szenarios ist ×%2.</translation>
    </message>
    <message>
        <source>Cover the numbers and charts while the class predicts (P); R reveals</source>
        <translation>Zahlen und Diagramme verdecken, während die Klasse vorhersagt (P); R deckt auf</translation>
    </message>
    <message>
        <source>&amp;Reveal</source>
        <translation>&amp;Aufdecken</translation>
    </message>
    <message>
        <source>Revealed: the prediction stands above the result.</source>
        <translation>Aufgedeckt: die Vorhersage steht über dem Ergebnis.</translation>
    </message>
    <message>
        <source>Finished — press R to reveal the numbers.</source>
        <translation>Fertig — R drücken, um die Zahlen aufzudecken.</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <comment>menu</comment>
        <translation>&amp;Lauf</translation>
    </message>
    <message numerus="yes">
        <source>Finished: %n variant(s) in %1.</source>
        <translation>
            <numerusform>Fertig: %n Variante in %1.</numerusform>
            <numerusform>Fertig: %n Varianten in %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Elapsed time, speedup and start latency of the runs; View ▸ Show data as tables shows their numbers</source>
        <translation>Laufzeit, Speedup und Startzeit der Läufe; ihre Zahlen unter Ansicht ▸ Daten als Tabellen zeigen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Save lesson &amp;as…</source>
        <translation>Lektion speichern &amp;unter…</translation>
    </message>
    <message>
        <source>Save this scenario, with the workers and time scale chosen now as its defaults, as a lesson file (Ctrl+Shift+S)</source>
        <translation>Dieses Szenario als Lektionsdatei speichern, mit den jetzt gewählten Workern und der Zeitskala als Standard (Strg+Umschalt+S)</translation>
    </message>
    <message>
        <source>Fit the time&amp;line</source>
        <translation>&amp;Zeitleiste einpassen</translation>
    </message>
    <message>
        <source>Pre&amp;vious scenario</source>
        <translation>Vor&amp;heriges Szenario</translation>
    </message>
    <message>
        <source>Show data as &amp;tables</source>
        <translation>Daten als &amp;Tabellen zeigen</translation>
    </message>
    <message>
        <source>The charts&apos; numbers and the timeline&apos;s intervals as tables a screen reader can read (Ctrl+T)</source>
        <translation>Die Zahlen der Diagramme und die Intervalle der Zeitleiste als Tabellen, die ein Screenreader lesen kann (Strg+T)</translation>
    </message>
    <message>
        <source>Next timeline ta&amp;b</source>
        <translation>Nä&amp;chster Zeitleisten-Tab</translation>
    </message>
    <message>
        <source>Previous timeline t&amp;ab</source>
        <translation>V&amp;orheriger Zeitleisten-Tab</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>Lan&amp;guage</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Hauptwerkzeugleiste</translation>
    </message>
    <message>
        <source>ThreadLab lessons (*.threadlab.json);;Scenario files (*.json);;All files (*)</source>
        <translation>ThreadLab-Lektionen (*.threadlab.json);;Szenariodateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Save the lesson</source>
        <translation>Lektion speichern</translation>
    </message>
    <message>
        <source>ThreadLab lessons (*%1)</source>
        <translation>ThreadLab-Lektionen (*%1)</translation>
    </message>
    <message>
        <source>Cannot save the lesson</source>
        <translation>Die Lektion lässt sich nicht speichern</translation>
    </message>
    <message>
        <source>Lesson saved: %1</source>
        <translation>Lektion gespeichert: %1</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
    <message>
        <source>The file is no longer there</source>
        <translation>Die Datei ist nicht mehr vorhanden</translation>
    </message>
    <message>
        <source>&amp;Clear recent</source>
        <translation>&amp;Liste leeren</translation>
    </message>
    <message>
        <source>%1 is no longer there: removed from Open Recent.</source>
        <translation>%1 ist nicht mehr vorhanden: aus „Zuletzt geöffnet“ entfernt.</translation>
    </message>
    <message>
        <source>Predi&amp;ct, then reveal</source>
        <translation>Vorhersag&amp;en, dann aufdecken</translation>
    </message>
</context>
<context>
    <name>ThreadLab::ObservationsPanel</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: median %2, runs %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: Median %2, Läufe %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2</translation>
    </message>
    <message>
        <source>%1 engine:</source>
        <translation>Engine %1:</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;color:%1&quot;&gt;Press &lt;b&gt;Run&lt;/b&gt; (Space) and watch: what happened appears here in plain words.&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;color:%1&quot;&gt;&lt;b&gt;Starten&lt;/b&gt; drücken (Leertaste) und zuschauen: was geschah, steht hier in einfachen Worten.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&quot;margin-top:0; margin-bottom:4px&quot;&gt;&lt;i&gt;You predicted: %1&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&quot;margin-top:0; margin-bottom:4px&quot;&gt;&lt;i&gt;Ihre Vorhersage: %1&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;i&gt;running %1…&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;%1 läuft…&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Stopped&lt;/b&gt;: the run was cancelled.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Gestoppt&lt;/b&gt;: der Lauf wurde abgebrochen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>What happened pane</source>
        <translation>Bereich „Was geschah“</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>The run&apos;s verdict: whether it showed the lesson, the elapsed times and the observations</source>
        <translation>Das Urteil des Laufs: ob er die Lektion gezeigt hat, die Laufzeiten und die Beobachtungen</translation>
    </message>
</context>
<context>
    <name>ThreadLab::PredictionCard</name>
    <message>
        <source>Prediction</source>
        <translation>Vorhersage</translation>
    </message>
    <message>
        <source>e.g. 4 threads will be 3× faster</source>
        <translation>z. B. 4 Threads werden 3× schneller</translation>
    </message>
    <message>
        <source>Prediction: (none typed yet)</source>
        <translation>Vorhersage: (noch keine eingegeben)</translation>
    </message>
    <message>
        <source>Prediction: %1</source>
        <translation>Vorhersage: %1</translation>
    </message>
    <message>
        <source>Prediction card</source>
        <translation>Vorhersagekarte</translation>
    </message>
    <message>
        <source>Covered while the class predicts</source>
        <translation>Verdeckt, während die Klasse vorhersagt</translation>
    </message>
    <message>
        <source>What the class expects the run to show; R reveals the numbers</source>
        <translation>Was die Klasse von dem Lauf erwartet; R deckt die Zahlen auf</translation>
    </message>
</context>
<context>
    <name>ThreadLab::PredictionStage</name>
    <message>
        <source>Running… the numbers stay covered until you press R.</source>
        <translation>Läuft… die Zahlen bleiben verdeckt, bis R gedrückt wird.</translation>
    </message>
    <message>
        <source>Type the class&apos;s prediction, then run (Enter). The numbers stay covered until you press R.</source>
        <translation>Die Vorhersage der Klasse eintippen, dann starten (Eingabe). Die Zahlen bleiben verdeckt, bis R gedrückt wird.</translation>
    </message>
    <message>
        <source>Finished — press R to reveal.</source>
        <translation>Fertig — R drücken zum Aufdecken.</translation>
    </message>
</context>
<context>
    <name>ThreadLab::ProcessWorker</name>
    <message>
        <source>sent garbage (%1)</source>
        <translation>hat Unsinn gesendet (%1)</translation>
    </message>
    <message>
        <source>hung: still running %1 s after it started, longer than its work could take</source>
        <translation>hängt: läuft %1 s nach dem Start noch, länger als seine Arbeit dauern kann</translation>
    </message>
    <message>
        <source>sent more than %1 events</source>
        <translation>hat mehr als %1 Ereignisse gesendet</translation>
    </message>
    <message>
        <source>sent garbage (a child cannot report &quot;%1&quot;)</source>
        <translation>hat Unsinn gesendet (ein Kindprozess kann „%1“ nicht melden)</translation>
    </message>
    <message>
        <source>killed by signal %1 (%2)</source>
        <translation>durch Signal %1 (%2) beendet</translation>
    </message>
    <message>
        <source>exited with code %1</source>
        <translation>endete mit Exit-Code %1</translation>
    </message>
    <message>
        <source>ended without reporting its end</source>
        <translation>endete, ohne sein Ende zu melden</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>ThreadLab::RunControls</name>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Which variants run, one after another</source>
        <translation>Welche Varianten laufen, eine nach der anderen</translation>
    </message>
    <message>
        <source>scenario default</source>
        <translation>Szenario-Standard</translation>
    </message>
    <message>
        <source>Workers in the variants that scale (1–%1)</source>
        <translation>Worker in den skalierenden Varianten (1–%1)</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>How long a thread waits for the GIL before it asks for it (sys.setswitchinterval)</source>
        <translation>Wie lange ein Thread auf den GIL wartet, bevor er ihn anfordert (sys.setswitchinterval)</translation>
    </message>
    <message>
        <source>Multiplies every duration of the scenario (%1–%2)</source>
        <translation>Multipliziert jede Dauer des Szenarios (%1–%2)</translation>
    </message>
    <message>
        <source>Seed of the random waits: the same seed gives the same run</source>
        <translation>Seed der zufälligen Wartezeiten: gleicher Seed, gleicher Lauf</translation>
    </message>
    <message>
        <source>Run the checked variants (Space)</source>
        <translation>Die angehakten Varianten ausführen (Leertaste)</translation>
    </message>
    <message>
        <source>Stop the run now (Ctrl+.)</source>
        <translation>Den Lauf sofort stoppen (Strg+.)</translation>
    </message>
    <message>
        <source>Workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>Engine</source>
        <translation>Engine</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Switch interval</source>
        <translation>Umschaltintervall</translation>
    </message>
    <message>
        <source>Time scale</source>
        <translation>Zeitskala</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Seed</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Variants</source>
        <translation>Varianten</translation>
    </message>
    <message>
        <source>Run the variants 1, 3 or 5 times, interleaved: the charts show the median with the spread, and the lesson is checked on the medians</source>
        <translation>Die Varianten 1-, 3- oder 5-mal verschränkt ausführen: die Diagramme zeigen den Median mit Streuung, die Lektion wird an den Medianen geprüft</translation>
    </message>
    <message>
        <source>the platform&apos;s python3</source>
        <translation>python3 der Plattform</translation>
    </message>
    <message>
        <source>The Python interpreter the CPython engine runs and the model is calibrated against (a path; empty: the platform&apos;s python3)</source>
        <translation>Der Python-Interpreter, den die CPython-Engine ausführt und an dem das Modell kalibriert wird (ein Pfad; leer: python3 der Plattform)</translation>
    </message>
    <message>
        <source>CPython cannot run: %1</source>
        <translation>CPython kann nicht laufen: %1</translation>
    </message>
    <message>
        <source>default (×%1)</source>
        <translation>Standard (×%1)</translation>
    </message>
    <message>
        <source>default (%1)</source>
        <translation>Standard (%1)</translation>
    </message>
    <message>
        <source>not this scenario&apos;s default (×%1)</source>
        <translation>nicht der Standard dieses Szenarios (×%1)</translation>
    </message>
    <message>
        <source>Run controls</source>
        <translation>Laufsteuerung</translation>
    </message>
    <message>
        <source>Which variants run, one after another; Space on a variant checks or unchecks it</source>
        <translation>Welche Varianten laufen, eine nach der anderen; Leertaste auf einer Variante hakt sie an oder ab</translation>
    </message>
    <message>
        <source>Engine note</source>
        <translation>Hinweis zur Engine</translation>
    </message>
    <message>
        <source>Time scale note</source>
        <translation>Hinweis zur Zeitskala</translation>
    </message>
    <message>
        <source>Python interpreter</source>
        <translation>Python-Interpreter</translation>
    </message>
    <message>
        <source>The path of the Python interpreter the CPython engine runs; empty: the platform&apos;s python3</source>
        <translation>Der Pfad des Python-Interpreters, den die CPython-Engine ausführt; leer: python3 der Plattform</translation>
    </message>
</context>
<context>
    <name>ThreadLab::Runner</name>
    <message>
        <source>ThreadLab&apos;s CPython runtime is missing: %1 (reinstall ThreadLab)</source>
        <translation>ThreadLabs CPython-Laufzeit fehlt: %1 (ThreadLab neu installieren)</translation>
    </message>
</context>
<context>
    <name>ThreadLab::ScenarioBrowser</name>
    <message>
        <source>Scenario browser</source>
        <translation>Szenarioliste</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>Szenarien</translation>
    </message>
    <message>
        <source>The scenarios by concept; Up and Down choose one, PageDown and PageUp go to the next and previous</source>
        <translation>Die Szenarien nach Konzept; Pfeil hoch und runter wählen eines, Bild ab und Bild auf gehen zum nächsten und vorherigen</translation>
    </message>
</context>
<context>
    <name>ThreadLab::SpeedupChart</name>
    <message>
        <source>workers</source>
        <translation>Worker</translation>
    </message>
    <message>
        <source>speedup (×)</source>
        <translation>Speedup (×)</translation>
    </message>
    <message>
        <source>ideal (N workers, N× faster)</source>
        <translation>ideal (N Worker, N× schneller)</translation>
    </message>
    <message>
        <source>cores</source>
        <translation>Kerne</translation>
    </message>
    <message>
        <source>%1 cores</source>
        <translation>%1 Kerne</translation>
    </message>
    <message>
        <source>ideal: N workers, N× faster</source>
        <translation>ideal: N Worker, N× schneller</translation>
    </message>
    <message>
        <source>Run a sweep (cpu-scaling) to fill this chart.</source>
        <translation>Eine Reihe (cpu-scaling) starten, um dieses Diagramm zu füllen.</translation>
    </message>
</context>
<context>
    <name>ThreadLab::TimelineModel</name>
    <message>
        <source>Empty: run the scenario to see its workers&apos; lanes.</source>
        <translation>Leer: das Szenario starten, um die Spuren seiner Worker zu sehen.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source> %1 at %2</source>
        <translation> %1 bei %2</translation>
    </message>
    <message>
        <source> still going</source>
        <translation> läuft noch</translation>
    </message>
    <message>
        <source>Lanes: %1, over %2</source>
        <translation>Spuren: %1, über %2</translation>
    </message>
    <message>
        <source>, running</source>
        <translation>, läuft</translation>
    </message>
    <message>
        <source>; and %1 more</source>
        <translation>; und %1 weitere</translation>
    </message>
</context>
<context>
    <name>ThreadLab::TimelinePanel</name>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Every variant on one time axis, the lesson&apos;s focus first</source>
        <translation>Jede Variante auf einer Zeitachse, der Fokus der Lektion zuerst</translation>
    </message>
    <message>
        <source>Timeline views</source>
        <translation>Zeitleistenansichten</translation>
    </message>
    <message>
        <source>Compare, then one tab per variant; Ctrl+PageDown and Ctrl+PageUp switch</source>
        <translation>Vergleich, dann ein Tab je Variante; Strg+Bild ab und Strg+Bild auf wechseln</translation>
    </message>
    <message>
        <source>Timeline pane</source>
        <translation>Zeitleistenbereich</translation>
    </message>
</context>
<context>
    <name>ThreadLab::TimelineView</name>
    <message>
        <source>Run a scenario: each worker gets its own lane here.</source>
        <translation>Ein Szenario starten: jeder Worker bekommt hier seine eigene Spur.</translation>
    </message>
    <message>
        <source>time →</source>
        <translation>Zeit →</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Timeline: %1</source>
        <translation>Zeitleiste: %1</translation>
    </message>
</context>
<context>
    <name>TimelineAxis</name>
    <message>
        <source>s</source>
        <translation>s</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>µs</source>
        <translation>µs</translation>
    </message>
    <message>
        <source>ns</source>
        <translation>ns</translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <source>main thread</source>
        <translation>Hauptthread</translation>
    </message>
    <message>
        <source>thread</source>
        <translation>Thread</translation>
    </message>
    <message>
        <source>process · pid %1</source>
        <translation>Prozess · PID %1</translation>
    </message>
    <message>
        <source>process</source>
        <translation>Prozess</translation>
    </message>
    <message>
        <source> · daemon</source>
        <translation> · Daemon</translation>
    </message>
    <message>
        <source>a thread that is no lane</source>
        <translation>ein Thread, der keine Spur ist</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>this build has no window (configured without the GUI); try --list or --run ID</source>
        <translation>dieses Build hat kein Fenster (ohne GUI konfiguriert); --list oder --run ID versuchen</translation>
    </message>
</context>
</TS>
