<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>App::EmbeddedConnector</name>
        <message>
            <source>Built-in server (%1)</source>
            <translation>Eingebauter Server (%1)</translation>
        </message>
        <message>
            <source>The built-in server could not start: %1</source>
            <translation>Der eingebaute Server konnte nicht starten: %1</translation>
        </message>
        <message>
            <source>Port %1 on this computer is in use by another program, so the built-in server cannot listen there. Choose another port (File &gt; Connect to Server…), or stop the program that uses it.</source>
            <translation>Port %1 auf diesem Computer wird von einem anderen Programm verwendet, daher kann der eingebaute Server dort nicht lauschen. Wählen Sie einen anderen Port (Datei &gt; Mit Server verbinden…) oder beenden Sie das Programm, das ihn verwendet.</translation>
        </message>
    </context>
    <context>
        <name>App::KeychainSecretStore</name>
        <message>
            <source>No system keychain is available, so your session is kept in memory only: you stay signed in until the app closes, and nothing is written to disk.</source>
            <translation>Kein Schlüsselbund des Systems verfügbar, daher wird Ihre Sitzung nur im Arbeitsspeicher gehalten: Sie bleiben angemeldet, bis die App geschlossen wird, und nichts wird auf die Festplatte geschrieben.</translation>
        </message>
    </context>
    <context>
        <name>Gui::ApiClient</name>
        <message>
            <source>The server's answer is not valid JSON (%1).</source>
            <translation>Die Antwort des Servers ist kein gültiges JSON (%1).</translation>
        </message>
        <message>
            <source>The server did not answer in time.</source>
            <translation>Der Server hat nicht rechtzeitig geantwortet.</translation>
        </message>
        <message>
            <source>The server's answer to GET /setup has no setup_required.</source>
            <translation>Die Antwort des Servers auf GET /setup enthält kein setup_required.</translation>
        </message>
        <message>
            <source>nothing answers at %1 (is the server running?)</source>
            <translation>unter %1 antwortet nichts (läuft der Server?)</translation>
        </message>
        <message>
            <source>the name %1 could not be found</source>
            <translation>der Name %1 wurde nicht gefunden</translation>
        </message>
        <message>
            <source>the server closed the connection</source>
            <translation>der Server hat die Verbindung geschlossen</translation>
        </message>
        <message>
            <source>no secure connection could be made (%1)</source>
            <translation>es kam keine sichere Verbindung zustande (%1)</translation>
        </message>
        <message>
            <source>the connection failed (network error %1)</source>
            <translation>die Verbindung ist fehlgeschlagen (Netzwerkfehler %1)</translation>
        </message>
    </context>
    <context>
        <name>Gui::ApiKeyModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Prefix</source>
            <translation>Präfix</translation>
        </message>
        <message>
            <source>Permissions</source>
            <translation>Berechtigungen</translation>
        </message>
        <message>
            <source>Team access</source>
            <translation>Teamzugriff</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <source>Last used</source>
            <translation>Zuletzt genutzt</translation>
        </message>
        <message>
            <source>Expires</source>
            <translation>Läuft ab</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>Nie</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Revoked %1</source>
            <translation>Widerrufen %1</translation>
        </message>
        <message>
            <source>Every request with this key is refused (403 API_PAID_PLAN_REQUIRED): the team “%1” it is billed to is on the Free plan. A server admin can move the team to a paid plan on the Teams page.</source>
            <translation>Jede Anfrage mit diesem Schlüssel wird abgelehnt (403 API_PAID_PLAN_REQUIRED): Das Team „%1“, über das er abgerechnet wird, hat den Free-Tarif. Ein Server-Admin kann das Team auf der Seite „Teams“ in einen bezahlten Tarif verschieben.</translation>
        </message>
    </context>
    <context>
        <name>Gui::Charts</name>
        <message>
            <source>Accepted</source>
            <translation>Angenommen</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Abgelehnt</translation>
        </message>
        <message>
            <source>Rejected requests by code</source>
            <translation>Abgelehnte Anfragen nach Code</translation>
        </message>
        <message>
            <source>Rejected requests by code: none</source>
            <translation>Abgelehnte Anfragen nach Code: keine</translation>
        </message>
        <message>
            <source>24 hours</source>
            <translation>24 Stunden</translation>
        </message>
        <message>
            <source>7 days</source>
            <translation>7 Tage</translation>
        </message>
        <message>
            <source>All time</source>
            <translation>Insgesamt</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>Anfragen</translation>
        </message>
        <message>
            <source>Monthly limit</source>
            <translation>Monatslimit</translation>
        </message>
        <message>
            <source>Ingest rate (events per second)</source>
            <translation>Erfassungsrate (Ereignisse pro Sekunde)</translation>
        </message>
        <message>
            <source>Events/s</source>
            <translation>Ereignisse/s</translation>
        </message>
        <message>
            <source>Share of the monthly quota used</source>
            <translation>Verbrauchter Anteil des Monatskontingents</translation>
        </message>
        <message>
            <source>% of monthly quota</source>
            <translation>% des Monatskontingents</translation>
        </message>
        <message>
            <source>Share of the monthly quota used: no usage reported yet</source>
            <translation>Verbrauchter Anteil des Monatskontingents: noch keine Nutzung gemeldet</translation>
        </message>
        <message>
            <source>Requests per minute, last hour</source>
            <translation>Anfragen pro Minute, letzte Stunde</translation>
        </message>
        <message>
            <source>Requests per hour, last 24 hours</source>
            <translation>Anfragen pro Stunde, letzte 24 Stunden</translation>
        </message>
        <message>
            <source>Requests per hour, last 7 days</source>
            <translation>Anfragen pro Stunde, letzte 7 Tage</translation>
        </message>
        <message>
            <source>Requests per day, last 30 days</source>
            <translation>Anfragen pro Tag, letzte 30 Tage</translation>
        </message>
        <message>
            <source>Limited (429)</source>
            <translation>Begrenzt (429)</translation>
        </message>
        <message>
            <source>Per minute, against the rate limit</source>
            <translation>Pro Minute, gegen das Ratenlimit</translation>
        </message>
        <message>
            <source>Per minute, against the limit of %1</source>
            <translation>Pro Minute, gegen das Limit von %1</translation>
        </message>
        <message>
            <source>Limit</source>
            <translation>Limit</translation>
        </message>
        <message>
            <source>Requests per month</source>
            <translation>Anfragen pro Monat</translation>
        </message>
        <message>
            <source>Requests per month: %1 % of %2</source>
            <translation>Anfragen pro Monat: %1 % von %2</translation>
        </message>
        <message>
            <source>Visitors and pageviews per hour</source>
            <translation>Besucher und Seitenaufrufe pro Stunde</translation>
        </message>
        <message>
            <source>Visitors and pageviews per day</source>
            <translation>Besucher und Seitenaufrufe pro Tag</translation>
        </message>
        <message>
            <source>Pageviews</source>
            <translation>Seitenaufrufe</translation>
        </message>
        <message>
            <source>Visitors</source>
            <translation>Besucher</translation>
        </message>
        <message>
            <source>Pageviews per minute</source>
            <translation>Seitenaufrufe pro Minute</translation>
        </message>
        <message>
            <source>Pageviews per minute, last 30 minutes</source>
            <translation>Seitenaufrufe pro Minute, letzte 30 Minuten</translation>
        </message>
    </context>
    <context>
        <name>Gui::ConnectionDialog</name>
        <message>
            <source>&amp;This computer (the built-in server)</source>
            <translation>&amp;Dieser Computer (eingebauter Server)</translation>
        </message>
        <message>
            <source>&amp;Another server:</source>
            <translation>&amp;Anderer Server:</translation>
        </message>
        <message>
            <source>Connect to a server</source>
            <translation>Mit einem Server verbinden</translation>
        </message>
        <message>
            <source>https://zenovay.example.com</source>
            <translation>https://zenovay.example.com</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>Verbinden</translation>
        </message>
        <message>
            <source>The app runs the server itself, on this computer only (loopback), with its data in your user's application data folder.</source>
            <translation>Die App betreibt den Server selbst, nur auf diesem Computer (Loopback), mit seinen Daten im Anwendungsdatenordner Ihres Benutzers.</translation>
        </message>
        <message>
            <source>Enter the server's address, for example https://zenovay.example.com.</source>
            <translation>Geben Sie die Adresse des Servers ein, zum Beispiel https://zenovay.example.com.</translation>
        </message>
        <message>
            <source>The address must start with https:// (or http:// on a trusted network).</source>
            <translation>Die Adresse muss mit https:// beginnen (oder mit http:// in einem vertrauenswürdigen Netz).</translation>
        </message>
        <message>
            <source>Warning: with http:// your password and session travel unencrypted. Use https:// for servers on other machines.</source>
            <translation>Achtung: Mit http:// werden Passwort und Sitzung unverschlüsselt übertragen. Verwenden Sie https:// für Server auf anderen Rechnern.</translation>
        </message>
        <message>
            <source>Automatic</source>
            <translation>Automatisch</translation>
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation>&amp;Port:</translation>
        </message>
        <message>
            <source>Ports below 1024 need administrator rights; choose 1024 or above.</source>
            <translation>Ports unter 1024 brauchen Administratorrechte; wählen Sie 1024 oder höher.</translation>
        </message>
        <message>
            <source>Tracking snippets and bookmarks made for port %1 stop working; the app restarts the built-in server on port %2.</source>
            <translation>Tracking-Snippets und Lesezeichen für Port %1 funktionieren dann nicht mehr; die App startet den eingebauten Server auf Port %2 neu.</translation>
        </message>
        <message>
            <source>Kept across launches: the server is at http://127.0.0.1:%1 on this computer.</source>
            <translation>Bleibt über Neustarts erhalten: Der Server ist auf diesem Computer unter http://127.0.0.1:%1 erreichbar.</translation>
        </message>
    </context>
    <context>
        <name>Gui::CopyFeedback</name>
        <message>
            <source>Copied ✓</source>
            <translation>Kopiert ✓</translation>
        </message>
        <message>
            <source>Copied to the clipboard</source>
            <translation>In die Zwischenablage kopiert</translation>
        </message>
    </context>
    <context>
        <name>Gui::CreateKeyDialog</name>
        <message>
            <source>&amp;Full access</source>
            <translation>&amp;Vollzugriff</translation>
        </message>
        <message>
            <source>&amp;Only:</source>
            <translation>&amp;Nur:</translation>
        </message>
        <message>
            <source>&amp;Read</source>
            <translation>&amp;Lesen</translation>
        </message>
        <message>
            <source>&amp;Write</source>
            <translation>&amp;Schreiben</translation>
        </message>
        <message>
            <source>A&amp;dmin</source>
            <translation>A&amp;dmin</translation>
        </message>
        <message>
            <source>&amp;All teams I belong to</source>
            <translation>&amp;Alle Teams, denen ich angehöre</translation>
        </message>
        <message>
            <source>Only &amp;selected teams:</source>
            <translation>Nur a&amp;usgewählte Teams:</translation>
        </message>
        <message>
            <source>&amp;Expires on</source>
            <translation>Läuft &amp;ab am</translation>
        </message>
        <message>
            <source>Create personal API key</source>
            <translation>Persönlichen API-Schlüssel erstellen</translation>
        </message>
        <message>
            <source>e.g. Reporting script</source>
            <translation>z. B. Berichtsskript</translation>
        </message>
        <message>
            <source>Create key</source>
            <translation>Schlüssel erstellen</translation>
        </message>
        <message>
            <source>Permissions</source>
            <translation>Berechtigungen</translation>
        </message>
        <message>
            <source>Read: GET requests. Write: create and change websites, send events. Admin: delete and team-level changes.</source>
            <translation>Lesen: GET-Anfragen. Schreiben: Websites anlegen und ändern, Ereignisse senden. Admin: Löschen und Änderungen auf Teamebene.</translation>
        </message>
        <message>
            <source>Team access</source>
            <translation>Teamzugriff</translation>
        </message>
        <message>
            <source>%1 (%2 plan)</source>
            <translation>%1 (Tarif %2)</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Billing team:</source>
            <translation>A&amp;brechnungsteam:</translation>
        </message>
        <message>
            <source>Expiry:</source>
            <translation>Ablauf:</translation>
        </message>
        <message>
            <source>This team is on the Free plan: requests with this key will be refused (403 API_PAID_PLAN_REQUIRED) until the team is upgraded to Pro or higher.</source>
            <translation>Dieses Team hat den Tarif Free: Anfragen mit diesem Schlüssel werden abgelehnt (403 API_PAID_PLAN_REQUIRED), bis das Team auf Pro oder höher wechselt.</translation>
        </message>
        <message>
            <source>Rate limits and the monthly quota come from this team's plan.</source>
            <translation>Ratenlimits und Monatskontingent richten sich nach dem Tarif dieses Teams.</translation>
        </message>
        <message>
            <source>Give the key a name.</source>
            <translation>Geben Sie dem Schlüssel einen Namen.</translation>
        </message>
        <message>
            <source>Choose at least one permission.</source>
            <translation>Wählen Sie mindestens eine Berechtigung.</translation>
        </message>
        <message>
            <source>Choose at least one team, or allow all teams.</source>
            <translation>Wählen Sie mindestens ein Team oder erlauben Sie alle Teams.</translation>
        </message>
        <message>
            <source>Choose the team the key's requests are billed to.</source>
            <translation>Wählen Sie das Team, dem die Anfragen des Schlüssels berechnet werden.</translation>
        </message>
    </context>
    <context>
        <name>Gui::ErrorBanner</name>
        <message>
            <source>Copy request ID</source>
            <translation>Anfrage-ID kopieren</translation>
        </message>
        <message>
            <source>Copy the request ID to quote it to support</source>
            <translation>Die Anfrage-ID kopieren, um sie dem Support zu nennen</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Schließen</translation>
        </message>
        <message>
            <source>The server could not be reached: %1</source>
            <translation>Der Server war nicht erreichbar: %1</translation>
        </message>
        <message>
            <source>HTTP %1</source>
            <translation>HTTP %1</translation>
        </message>
        <message>
            <source>Request ID: %1</source>
            <translation>Anfrage-ID: %1</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>Details</translation>
        </message>
        <message>
            <source>The HTTP status, error code and request ID</source>
            <translation>HTTP-Status, Fehlercode und Anfrage-ID</translation>
        </message>
        <message>
            <source>Please correct:</source>
            <translation>Bitte korrigieren:</translation>
        </message>
        <message>
            <source>You are not signed in, or your session has ended.</source>
            <translation>Sie sind nicht angemeldet, oder Ihre Sitzung ist abgelaufen.</translation>
        </message>
        <message>
            <source>You are not allowed to do this.</source>
            <translation>Das dürfen Sie nicht.</translation>
        </message>
        <message>
            <source>It was not found; it may have been deleted meanwhile.</source>
            <translation>Es wurde nicht gefunden; vielleicht wurde es inzwischen gelöscht.</translation>
        </message>
        <message>
            <source>Too many requests: try again in a moment.</source>
            <translation>Zu viele Anfragen: Versuchen Sie es gleich noch einmal.</translation>
        </message>
        <message>
            <source>The server had a problem. Try again; if it keeps happening, give your administrator the request ID under Details.</source>
            <translation>Der Server hatte ein Problem. Versuchen Sie es erneut; wenn es wieder passiert, geben Sie Ihrem Administrator die Anfrage-ID unter „Details“.</translation>
        </message>
        <message>
            <source>The server refused it.</source>
            <translation>Der Server hat es abgelehnt.</translation>
        </message>
    </context>
    <context>
        <name>Gui::FieldError</name>
        <message>
            <source>The server could not be reached: %1</source>
            <translation>Der Server war nicht erreichbar: %1</translation>
        </message>
        <message>
            <source>HTTP %1 · %2: %3</source>
            <translation>HTTP %1 · %2: %3</translation>
        </message>
        <message>
            <source>Request ID: %1</source>
            <translation>Anfrage-ID: %1</translation>
        </message>
        <message>
            <source>HTTP %1 · %2</source>
            <translation>HTTP %1 · %2</translation>
        </message>
        <message>
            <source> · request ID %1</source>
            <translation> · Anfrage-ID %1</translation>
        </message>
    </context>
    <context>
        <name>Gui::Format</name>
        <message>
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <source>in a moment</source>
            <translation>gleich</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>gerade eben</translation>
        </message>
        <message numerus="yes">
            <source>in %n minute(s)</source>
            <translation>
                <numerusform>in %n Minute</numerusform>
                <numerusform>in %n Minuten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s) ago</source>
            <translation>
                <numerusform>vor %n Minute</numerusform>
                <numerusform>vor %n Minuten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n hour(s)</source>
            <translation>
                <numerusform>in %n Stunde</numerusform>
                <numerusform>in %n Stunden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s) ago</source>
            <translation>
                <numerusform>vor %n Stunde</numerusform>
                <numerusform>vor %n Stunden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n day(s)</source>
            <translation>
                <numerusform>in %n Tag</numerusform>
                <numerusform>in %n Tagen</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>vor %n Tag</numerusform>
                <numerusform>vor %n Tagen</numerusform>
            </translation>
        </message>
        <message>
            <source>on %1</source>
            <translation>am %1</translation>
        </message>
        <message>
            <source>Full access</source>
            <translation>Vollzugriff</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>Lesen</translation>
        </message>
        <message>
            <source>Write</source>
            <translation>Schreiben</translation>
        </message>
        <message>
            <source>Admin</source>
            <translation>Admin</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Keine</translation>
        </message>
        <message>
            <source>All teams</source>
            <translation>Alle Teams</translation>
        </message>
        <message>
            <source>unknown team</source>
            <translation>unbekanntes Team</translation>
        </message>
        <message>
            <source>Free</source>
            <translation>Free</translation>
        </message>
        <message>
            <source>Pro</source>
            <translation>Pro</translation>
        </message>
        <message>
            <source>Scale</source>
            <translation>Scale</translation>
        </message>
        <message>
            <source>Enterprise</source>
            <translation>Enterprise</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>Inhaber</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>Mitglied</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Abgelaufen</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>Widerrufen</translation>
        </message>
        <message>
            <source>%1 d %2 h</source>
            <translation>%1 T %2 h</translation>
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation>%1 h %2 min</translation>
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation>%1 min %2 s</translation>
        </message>
        <message>
            <source>%1 s</source>
            <translation>%1 s</translation>
        </message>
        <message>
            <source>Inactive: Free plan</source>
            <translation>Inaktiv: Free-Tarif</translation>
        </message>
        <message>
            <source>Unknown</source>
            <translation>Unbekannt</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
    </context>
    <context>
        <name>Gui::KeyDetailPage</name>
        <message>
            <source>Revoke…</source>
            <translation>Widerrufen…</translation>
        </message>
        <message>
            <source>← All keys</source>
            <translation>← Alle Schlüssel</translation>
        </message>
        <message>
            <source>Back to the key list (Esc)</source>
            <translation>Zurück zur Schlüsselliste (Esc)</translation>
        </message>
        <message>
            <source>Refresh</source>
            <translation>Aktualisieren</translation>
        </message>
        <message>
            <source>Accepted, last 24 hours</source>
            <translation>Angenommen, letzte 24 Stunden</translation>
        </message>
        <message>
            <source>Accepted, last 7 days</source>
            <translation>Angenommen, letzte 7 Tage</translation>
        </message>
        <message>
            <source>Accepted, all time</source>
            <translation>Angenommen, insgesamt</translation>
        </message>
        <message>
            <source>Rejected, last 24 hours</source>
            <translation>Abgelehnt, letzte 24 Stunden</translation>
        </message>
        <message>
            <source>Last used</source>
            <translation>Zuletzt verwendet</translation>
        </message>
        <message>
            <source>This month, of the monthly limit</source>
            <translation>Dieser Monat, vom Monatslimit</translation>
        </message>
        <message>
            <source>Copy as c&amp;URL</source>
            <translation>Als c&amp;URL kopieren</translation>
        </message>
        <message>
            <source>A cURL command for the selected request (or GET /usage); the key comes from $ZENOVAY_API_KEY</source>
            <translation>Ein cURL-Befehl für die ausgewählte Anfrage (oder GET /usage); der Schlüssel kommt aus $ZENOVAY_API_KEY</translation>
        </message>
        <message>
            <source>Copy &amp;diagnostic report</source>
            <translation>&amp;Diagnosebericht kopieren</translation>
        </message>
        <message>
            <source>What support asks for: request and response details, timestamp and request ID, with the key redacted</source>
            <translation>Was der Support braucht: Details zu Anfrage und Antwort, Zeitpunkt und Anfrage-ID, mit unkenntlich gemachtem Schlüssel</translation>
        </message>
        <message>
            <source>&lt;b&gt;Recent requests&lt;/b&gt;</source>
            <translation>&lt;b&gt;Letzte Anfragen&lt;/b&gt;</translation>
        </message>
        <message>
            <source>%1 — %2</source>
            <translation>%1 — %2</translation>
        </message>
        <message>
            <source>Prefix %1… · %2 · teams: %3 · billed to %4 · created %5 · expires %6</source>
            <translation>Präfix %1… · %2 · Teams: %3 · abgerechnet über %4 · erstellt %5 · läuft ab %6</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nie</translation>
        </message>
        <message>
            <source>Could not load the key's activity.</source>
            <translation>Die Aktivität des Schlüssels konnte nicht geladen werden.</translation>
        </message>
        <message>
            <source>Could not load the key's usage.</source>
            <translation>Die Nutzung des Schlüssels konnte nicht geladen werden.</translation>
        </message>
        <message>
            <source>Could not load the key's recent requests.</source>
            <translation>Die letzten Anfragen des Schlüssels konnten nicht geladen werden.</translation>
        </message>
        <message>
            <source>Rejected: %1 in 7 days, %2 all time</source>
            <translation>Abgelehnt: %1 in 7 Tagen, %2 insgesamt</translation>
        </message>
        <message>
            <source>%1 plan: %2 per minute, %3 per month; resets %4</source>
            <translation>Tarif %1: %2 pro Minute, %3 pro Monat; Zurücksetzung %4</translation>
        </message>
        <message>
            <source>Every request with this key is refused (403 API_PAID_PLAN_REQUIRED): the team it is billed to is on the Free plan.</source>
            <translation>Jede Anfrage mit diesem Schlüssel wird abgelehnt (403 API_PAID_PLAN_REQUIRED): Das Team, über das er abgerechnet wird, hat den Free-Tarif.</translation>
        </message>
        <message>
            <source>No rejected requests: every request with this key was accepted.</source>
            <translation>Keine abgelehnten Anfragen: Jede Anfrage mit diesem Schlüssel wurde angenommen.</translation>
        </message>
        <message>
            <source>Last hour</source>
            <translation>Letzte Stunde</translation>
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation>Letzte 24 Stunden</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Letzte 7 Tage</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Letzte 30 Tage</translation>
        </message>
        <message>
            <source>&amp;Activity over:</source>
            <translation>&amp;Zeitraum:</translation>
        </message>
        <message>
            <source>This month, of %1 (%2 %)</source>
            <translation>Dieser Monat, von %1 (%2 %)</translation>
        </message>
    </context>
    <context>
        <name>Gui::KeysPage</name>
        <message>
            <source>Personal API keys</source>
            <translation>Persönliche API-Schlüssel</translation>
        </message>
        <message>
            <source>&amp;New key…</source>
            <translation>&amp;Neuer Schlüssel…</translation>
        </message>
        <message>
            <source>&amp;Revoke…</source>
            <translation>&amp;Widerrufen…</translation>
        </message>
        <message>
            <source>&amp;Details</source>
            <translation>&amp;Details</translation>
        </message>
        <message>
            <source>Search by name or prefix (Ctrl+F)</source>
            <translation>Nach Name oder Präfix suchen (Strg+F)</translation>
        </message>
        <message>
            <source>All keys</source>
            <translation>Alle Schlüssel</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>Aktiv</translation>
        </message>
        <message>
            <source>Revoked or expired</source>
            <translation>Widerrufen oder abgelaufen</translation>
        </message>
        <message>
            <source>Create a personal API key (Ctrl+N)</source>
            <translation>Einen persönlichen API-Schlüssel erstellen (Strg+N)</translation>
        </message>
        <message>
            <source>Revoke the selected key (Delete)</source>
            <translation>Den ausgewählten Schlüssel widerrufen (Entf)</translation>
        </message>
        <message>
            <source>Open the selected key's activity (Enter)</source>
            <translation>Die Aktivität des ausgewählten Schlüssels öffnen (Eingabe)</translation>
        </message>
        <message>
            <source>Keys authenticate requests to the external API with the &lt;tt&gt;X-API-Key&lt;/tt&gt; header. The full key is shown once, when it is created; afterwards only its prefix is kept.</source>
            <translation>Schlüssel authentifizieren Anfragen an die externe API mit dem Header &lt;tt&gt;X-API-Key&lt;/tt&gt;. Der vollständige Schlüssel wird einmal angezeigt, beim Erstellen; danach wird nur sein Präfix aufbewahrt.</translation>
        </message>
        <message>
            <source>No keys yet. Create one with “New key…”: you will need a team on the Pro plan or higher to use it.</source>
            <translation>Noch keine Schlüssel. Erstellen Sie einen mit „Neuer Schlüssel…“: Zum Verwenden brauchen Sie ein Team mit dem Tarif Pro oder höher.</translation>
        </message>
        <message numerus="yes">
            <source>%n key(s)</source>
            <translation>
                <numerusform>%n Schlüssel</numerusform>
                <numerusform>%n Schlüssel</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not load your API keys.</source>
            <translation>Ihre API-Schlüssel konnten nicht geladen werden.</translation>
        </message>
        <message>
            <source>Create a team first: every key is billed to a team.</source>
            <translation>Legen Sie zuerst ein Team an: Jeder Schlüssel wird über ein Team abgerechnet.</translation>
        </message>
        <message>
            <source>Key “%1” created.</source>
            <translation>Schlüssel „%1“ erstellt.</translation>
        </message>
        <message>
            <source>Revoke key</source>
            <translation>Schlüssel widerrufen</translation>
        </message>
        <message>
            <source>Revoke “%1” (%2…)?</source>
            <translation>„%1“ (%2…) widerrufen?</translation>
        </message>
        <message>
            <source>Requests with this key will be refused at once with 401 API_KEY_REVOKED. This cannot be undone.</source>
            <translation>Anfragen mit diesem Schlüssel werden sofort mit 401 API_KEY_REVOKED abgelehnt. Das lässt sich nicht rückgängig machen.</translation>
        </message>
        <message>
            <source>Key “%1” revoked.</source>
            <translation>Schlüssel „%1“ widerrufen.</translation>
        </message>
        <message>
            <source>Could not revoke the key.</source>
            <translation>Der Schlüssel konnte nicht widerrufen werden.</translation>
        </message>
        <message>
            <source>Inactive</source>
            <translation>Inaktiv</translation>
        </message>
        <message>
            <source>API keys</source>
            <translation>API-Schlüssel</translation>
        </message>
    </context>
    <context>
        <name>Gui::MainWindow</name>
        <message>
            <source>Zenovay Admin</source>
            <translation>Zenovay Admin</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>Seiten</translation>
        </message>
        <message>
            <source>%1 (Ctrl+%2)</source>
            <translation>%1 (Strg+%2)</translation>
        </message>
        <message>
            <source>Not connected</source>
            <translation>Nicht verbunden</translation>
        </message>
        <message>
            <source>Could not load your teams.</source>
            <translation>Ihre Teams konnten nicht geladen werden.</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Connect to Server…</source>
            <translation>Mit Server &amp;verbinden…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+O</source>
            <translation>Ctrl+Shift+O</translation>
        </message>
        <message>
            <source>Sign &amp;Out</source>
            <translation>&amp;Abmelden</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;New…</source>
            <translation>&amp;Neu…</translation>
        </message>
        <message>
            <source>New key, website or team, depending on the page</source>
            <translation>Neuer Schlüssel, neue Website oder neues Team, je nach Seite</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>&amp;Suchen</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Gehe zu</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>&amp;Aktualisieren</translation>
        </message>
        <message>
            <source>Ctrl+R</source>
            <translation>Ctrl+R</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation>&amp;Tastenkürzel</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <source>Ctrl+1 … Ctrl+8: go to a page
Ctrl+N: new key, website or team
Ctrl+F: search
F5 or Ctrl+R: refresh
Enter: open the selected key
Delete: revoke the selected key
Esc: back to the key list
Ctrl+Shift+O: connect to another server
Ctrl+Q: quit</source>
            <translation>Strg+1 … Strg+8: zu einer Seite wechseln
Strg+N: neuer Schlüssel, neue Website oder neues Team
Strg+F: suchen
F5 oder Strg+R: aktualisieren
Eingabe: ausgewählten Schlüssel öffnen
Entf: ausgewählten Schlüssel widerrufen
Esc: zurück zur Schlüsselliste
Strg+Umschalt+O: mit anderem Server verbinden
Strg+Q: beenden</translation>
        </message>
        <message>
            <source>&amp;About Zenovay Admin</source>
            <translation>&amp;Über Zenovay Admin</translation>
        </message>
        <message>
            <source>About Zenovay Admin</source>
            <translation>Über Zenovay Admin</translation>
        </message>
        <message>
            <source>&lt;b&gt;Zenovay Admin %1&lt;/b&gt;&lt;p&gt;The desktop admin app of Zenovay self-hosted: teams, websites, personal API keys and their activity.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Zenovay Admin %1&lt;/b&gt;&lt;p&gt;Die Desktop-Verwaltung von Zenovay self-hosted: Teams, Websites, persönliche API-Schlüssel und ihre Aktivität.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Working</source>
            <translation>Beschäftigt</translation>
        </message>
        <message>
            <source>● Unreachable</source>
            <translation>● Nicht erreichbar</translation>
        </message>
        <message>
            <source>Starting the built-in server…</source>
            <translation>Eingebauter Server wird gestartet…</translation>
        </message>
        <message>
            <source>Connecting to %1…</source>
            <translation>Verbindung zu %1…</translation>
        </message>
        <message>
            <source>Zenovay Admin — %1</source>
            <translation>Zenovay Admin — %1</translation>
        </message>
        <message>
            <source>Checking your session…</source>
            <translation>Ihre Sitzung wird geprüft…</translation>
        </message>
        <message>
            <source>Your session has ended. Sign in again.</source>
            <translation>Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.</translation>
        </message>
        <message>
            <source>Could not check your session.</source>
            <translation>Ihre Sitzung konnte nicht geprüft werden.</translation>
        </message>
        <message>
            <source>Signed in, but loading your account failed.</source>
            <translation>Angemeldet, aber Ihr Konto konnte nicht geladen werden.</translation>
        </message>
        <message>
            <source>%1 (server admin)</source>
            <translation>%1 (Server-Admin)</translation>
        </message>
        <message>
            <source>You are signed out.</source>
            <translation>Sie sind abgemeldet.</translation>
        </message>
        <message>
            <source>● Healthy</source>
            <translation>● Betriebsbereit</translation>
        </message>
        <message>
            <source>GET /healthz answered 200 (server version %1)</source>
            <translation>GET /healthz antwortete 200 (Serverversion %1)</translation>
        </message>
        <message>
            <source>● Unhealthy (HTTP %1)</source>
            <translation>● Gestört (HTTP %1)</translation>
        </message>
        <message>
            <source>Keychain</source>
            <translation>Schlüsselbund</translation>
        </message>
        <message>
            <source>Your session is kept in the system keychain.</source>
            <translation>Ihre Sitzung wird im Schlüsselbund des Systems aufbewahrt.</translation>
        </message>
        <message>
            <source>Session in memory only</source>
            <translation>Sitzung nur im Arbeitsspeicher</translation>
        </message>
    </context>
    <context>
        <name>Gui::MemberModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>E-Mail</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>Rolle</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>Beigetreten</translation>
        </message>
    </context>
    <context>
        <name>Gui::MemorySecretStore</name>
        <message>
            <source>No system keychain is available: you stay signed in until the app closes, and the session is never written to disk.</source>
            <translation>Kein Schlüsselbund des Systems verfügbar: Sie bleiben angemeldet, bis die App geschlossen wird, und die Sitzung wird nie auf die Festplatte geschrieben.</translation>
        </message>
    </context>
    <context>
        <name>Gui::OverviewPage</name>
        <message>
            <source>Overview</source>
            <translation>Übersicht</translation>
        </message>
        <message>
            <source>Teams</source>
            <translation>Teams</translation>
        </message>
        <message>
            <source>Websites</source>
            <translation>Websites</translation>
        </message>
        <message>
            <source>Active API keys</source>
            <translation>Aktive API-Schlüssel</translation>
        </message>
        <message>
            <source>Events stored on this server</source>
            <translation>Auf diesem Server gespeicherte Ereignisse</translation>
        </message>
        <message>
            <source>Signed in as %1 &lt;%2&gt;, server admin, on %3.</source>
            <translation>Angemeldet als %1 &lt;%2&gt;, Server-Admin, auf %3.</translation>
        </message>
        <message>
            <source>Signed in as %1 &lt;%2&gt; on %3.</source>
            <translation>Angemeldet als %1 &lt;%2&gt; auf %3.</translation>
        </message>
        <message>
            <source>&lt;h3&gt;Getting started&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;a href="websitesPage"&gt;Add a website&lt;/a&gt; and paste its tracking snippet into your pages.&lt;/li&gt;&lt;li&gt;API keys need a paid plan: a server admin sets a team's plan on the &lt;a href="teamsPage"&gt;Teams&lt;/a&gt; page.&lt;/li&gt;&lt;li&gt;&lt;a href="keysPage"&gt;Create a personal API key&lt;/a&gt; and copy it: it is shown once.&lt;/li&gt;&lt;li&gt;Try it: &lt;tt&gt;curl -H "X-API-Key: zv_..." %1/api/external/v1/usage&lt;/tt&gt;&lt;/li&gt;&lt;li&gt;Open the key on the API keys page to watch its activity.&lt;/li&gt;&lt;/ol&gt;</source>
            <translation>&lt;h3&gt;Erste Schritte&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;a href="websitesPage"&gt;Fügen Sie eine Website hinzu&lt;/a&gt; und fügen Sie ihr Tracking-Snippet in Ihre Seiten ein.&lt;/li&gt;&lt;li&gt;API-Schlüssel brauchen einen bezahlten Tarif: Ein Server-Admin legt den Tarif eines Teams auf der Seite &lt;a href="teamsPage"&gt;Teams&lt;/a&gt; fest.&lt;/li&gt;&lt;li&gt;&lt;a href="keysPage"&gt;Erstellen Sie einen persönlichen API-Schlüssel&lt;/a&gt; und kopieren Sie ihn: Er wird nur einmal angezeigt.&lt;/li&gt;&lt;li&gt;Ausprobieren: &lt;tt&gt;curl -H "X-API-Key: zv_..." %1/api/external/v1/usage&lt;/tt&gt;&lt;/li&gt;&lt;li&gt;Öffnen Sie den Schlüssel auf der Seite API-Schlüssel, um seine Aktivität zu verfolgen.&lt;/li&gt;&lt;/ol&gt;</translation>
        </message>
        <message>
            <source>Could not load the websites.</source>
            <translation>Die Websites konnten nicht geladen werden.</translation>
        </message>
        <message numerus="yes">
            <source>%n key(s) in all</source>
            <translation>
                <numerusform>%n Schlüssel insgesamt</numerusform>
                <numerusform>%n Schlüssel insgesamt</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not load your API keys.</source>
            <translation>Ihre API-Schlüssel konnten nicht geladen werden.</translation>
        </message>
        <message>
            <source>&lt;a href="websitesPage"&gt;Add a website&lt;/a&gt; and paste its tracking snippet into your pages.</source>
            <translation>&lt;a href="websitesPage"&gt;Fügen Sie eine Website hinzu&lt;/a&gt; und fügen Sie ihr Tracking-Snippet in Ihre Seiten ein.</translation>
        </message>
        <message>
            <source>API keys need a paid plan: a server admin sets a team's plan on the &lt;a href="teamsPage"&gt;Teams&lt;/a&gt; page.</source>
            <translation>API-Schlüssel brauchen einen bezahlten Tarif: Ein Server-Admin legt den Tarif eines Teams auf der Seite &lt;a href="teamsPage"&gt;Teams&lt;/a&gt; fest.</translation>
        </message>
        <message>
            <source>&lt;a href="keysPage"&gt;Create a personal API key&lt;/a&gt; and copy it: it is shown once.</source>
            <translation>&lt;a href="keysPage"&gt;Erstellen Sie einen persönlichen API-Schlüssel&lt;/a&gt; und kopieren Sie ihn: Er wird nur einmal angezeigt.</translation>
        </message>
        <message>
            <source>Try it: &lt;tt&gt;curl -H "X-API-Key: zv_..." %1/api/external/v1/usage&lt;/tt&gt;</source>
            <translation>Ausprobieren: &lt;tt&gt;curl -H "X-API-Key: zv_..." %1/api/external/v1/usage&lt;/tt&gt;</translation>
        </message>
        <message>
            <source>Getting started: %1 of %2 done</source>
            <translation>Erste Schritte: %1 von %2 erledigt</translation>
        </message>
        <message>
            <source>Open the key on the API keys page to watch its activity.</source>
            <translation>Öffnen Sie den Schlüssel auf der Seite API-Schlüssel, um seine Aktivität zu verfolgen.</translation>
        </message>
    </context>
    <context>
        <name>Gui::Page</name>
        <message>
            <source>Could not load your API keys.</source>
            <translation>Ihre API-Schlüssel konnten nicht geladen werden.</translation>
        </message>
        <message>
            <source>Nothing matches the search or filter.</source>
            <translation>Nichts passt zur Suche oder zum Filter.</translation>
        </message>
    </context>
    <context>
        <name>Gui::RequestLogModel</name>
        <message>
            <source>Time</source>
            <translation>Zeit</translation>
        </message>
        <message>
            <source>Key</source>
            <translation>Schlüssel</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>Methode</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>Pfad</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Latency</source>
            <translation>Latenz</translation>
        </message>
        <message>
            <source>%1 ms</source>
            <translation>%1 ms</translation>
        </message>
        <message>
            <source>Request ID</source>
            <translation>Anfrage-ID</translation>
        </message>
    </context>
    <context>
        <name>Gui::RequestsPage</name>
        <message>
            <source>Requests</source>
            <translation>Anfragen</translation>
        </message>
        <message>
            <source>&amp;Errors only</source>
            <translation>Nur &amp;Fehler</translation>
        </message>
        <message>
            <source>Key:</source>
            <translation>Schlüssel:</translation>
        </message>
        <message>
            <source>All keys</source>
            <translation>Alle Schlüssel</translation>
        </message>
        <message>
            <source>Could not load a key's requests.</source>
            <translation>Die Anfragen eines Schlüssels konnten nicht geladen werden.</translation>
        </message>
        <message numerus="yes">
            <source>%n request(s)</source>
            <translation>
                <numerusform>%n Anfrage</numerusform>
                <numerusform>%n Anfragen</numerusform>
            </translation>
        </message>
        <message>
            <source>No requests with your API keys yet.</source>
            <translation>Noch keine Anfragen mit Ihren API-Schlüsseln.</translation>
        </message>
    </context>
    <context>
        <name>Gui::ServerPage</name>
        <message>
            <source>Server</source>
            <translation>Server</translation>
        </message>
        <message>
            <source>Connect to another server…</source>
            <translation>Mit anderem Server verbinden…</translation>
        </message>
        <message>
            <source>Connection:</source>
            <translation>Verbindung:</translation>
        </message>
        <message>
            <source>Version:</source>
            <translation>Version:</translation>
        </message>
        <message>
            <source>Uptime:</source>
            <translation>Laufzeit:</translation>
        </message>
        <message>
            <source>Listening on:</source>
            <translation>Lauscht auf:</translation>
        </message>
        <message>
            <source>Database:</source>
            <translation>Datenbank:</translation>
        </message>
        <message>
            <source>Database size:</source>
            <translation>Datenbankgröße:</translation>
        </message>
        <message>
            <source>Events stored:</source>
            <translation>Gespeicherte Ereignisse:</translation>
        </message>
        <message>
            <source>Ingest rate:</source>
            <translation>Erfassungsrate:</translation>
        </message>
        <message>
            <source>Ingest queue:</source>
            <translation>Erfassungswarteschlange:</translation>
        </message>
        <message>
            <source>Plan limits:</source>
            <translation>Tariflimits:</translation>
        </message>
        <message>
            <source>%1: %2 per minute, %3 per month</source>
            <translation>%1: %2 pro Minute, %3 pro Monat</translation>
        </message>
        <message>
            <source>not reported</source>
            <translation>nicht gemeldet</translation>
        </message>
        <message>
            <source>not available (%1)</source>
            <translation>nicht verfügbar (%1)</translation>
        </message>
        <message numerus="yes">
            <source>%n event(s) waiting</source>
            <translation>
                <numerusform>%n Ereignis wartet</numerusform>
                <numerusform>%n Ereignisse warten</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 events/s</source>
            <translation>%1 Ereignisse/s</translation>
        </message>
        <message>
            <source>Could not load the server status.</source>
            <translation>Der Serverstatus konnte nicht geladen werden.</translation>
        </message>
        <message>
            <source>%1 (this connection)</source>
            <translation>%1 (diese Verbindung)</translation>
        </message>
        <message>
            <source>Edit &amp;limits…</source>
            <translation>&amp;Limits bearbeiten…</translation>
        </message>
        <message>
            <source>Requests per minute and per month for each plan (server admins)</source>
            <translation>Anfragen pro Minute und pro Monat je Tarif (Server-Admins)</translation>
        </message>
        <message>
            <source>Plan limits</source>
            <translation>Tariflimits</translation>
        </message>
        <message>
            <source>&lt;b&gt;Plan&lt;/b&gt;</source>
            <translation>&lt;b&gt;Tarif&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Requests per minute&lt;/b&gt;</source>
            <translation>&lt;b&gt;Anfragen pro Minute&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Requests per month&lt;/b&gt;</source>
            <translation>&lt;b&gt;Anfragen pro Monat&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Every API key billed to a team on a plan is held to that plan's limits.</source>
            <translation>Jeder API-Schlüssel, der über ein Team abgerechnet wird, unterliegt den Limits von dessen Tarif.</translation>
        </message>
        <message>
            <source>Plan limits saved.</source>
            <translation>Tariflimits gespeichert.</translation>
        </message>
    </context>
    <context>
        <name>Gui::ShowKeyDialog</name>
        <message>
            <source>Your new API key</source>
            <translation>Ihr neuer API-Schlüssel</translation>
        </message>
        <message>
            <source>&lt;b&gt;Copy this key now. It will not be shown again.&lt;/b&gt;&lt;br&gt;Zenovay keeps only its prefix (%1) and a one-way hash. If you lose it, revoke it and create a new one.</source>
            <translation>&lt;b&gt;Kopieren Sie diesen Schlüssel jetzt. Er wird nicht noch einmal angezeigt.&lt;/b&gt;&lt;br&gt;Zenovay bewahrt nur sein Präfix (%1) und einen Einweg-Hash auf. Wenn Sie ihn verlieren, widerrufen Sie ihn und erstellen Sie einen neuen.</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Kopieren</translation>
        </message>
        <message>
            <source>Try it:</source>
            <translation>Ausprobieren:</translation>
        </message>
        <message>
            <source>I have copied the key</source>
            <translation>Ich habe den Schlüssel kopiert</translation>
        </message>
        <message>
            <source>Copied to the clipboard.</source>
            <translation>In die Zwischenablage kopiert.</translation>
        </message>
        <message>
            <source>Close without copying?</source>
            <translation>Schließen, ohne zu kopieren?</translation>
        </message>
        <message>
            <source>You have not copied the key. It will not be shown again: if you close now, revoke it and create a new one when you need it.</source>
            <translation>Sie haben den Schlüssel nicht kopiert. Er wird nicht noch einmal angezeigt: Wenn Sie jetzt schließen, widerrufen Sie ihn und erstellen Sie einen neuen, sobald Sie einen brauchen.</translation>
        </message>
        <message>
            <source>Go back</source>
            <translation>Zurück</translation>
        </message>
        <message>
            <source>Close anyway</source>
            <translation>Trotzdem schließen</translation>
        </message>
    </context>
    <context>
        <name>Gui::TeamModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Tarif</translation>
        </message>
        <message>
            <source>My role</source>
            <translation>Meine Rolle</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Erstellt</translation>
        </message>
    </context>
    <context>
        <name>Gui::TeamsPage</name>
        <message>
            <source>Teams</source>
            <translation>Teams</translation>
        </message>
        <message>
            <source>Set plan</source>
            <translation>Tarif festlegen</translation>
        </message>
        <message>
            <source>Re&amp;name…</source>
            <translation>Um&amp;benennen…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Löschen…</translation>
        </message>
        <message>
            <source>&amp;Add member…</source>
            <translation>Mitglied &amp;hinzufügen…</translation>
        </message>
        <message>
            <source>Change role…</source>
            <translation>Rolle ändern…</translation>
        </message>
        <message>
            <source>Remove…</source>
            <translation>Entfernen…</translation>
        </message>
        <message>
            <source>&amp;New team…</source>
            <translation>&amp;Neues Team…</translation>
        </message>
        <message>
            <source>Only server admins can change a team's plan.</source>
            <translation>Nur Server-Admins können den Tarif eines Teams ändern.</translation>
        </message>
        <message>
            <source>Plan:</source>
            <translation>Tarif:</translation>
        </message>
        <message>
            <source>Could not load your teams.</source>
            <translation>Ihre Teams konnten nicht geladen werden.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Members of %1&lt;/b&gt;</source>
            <translation>&lt;b&gt;Mitglieder von %1&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Members&lt;/b&gt;</source>
            <translation>&lt;b&gt;Mitglieder&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b&gt;Members&lt;/b&gt; (visible to owners and admins of the team)</source>
            <translation>&lt;b&gt;Mitglieder&lt;/b&gt; (sichtbar für Inhaber und Admins des Teams)</translation>
        </message>
        <message>
            <source>Could not load the team's members.</source>
            <translation>Die Mitglieder des Teams konnten nicht geladen werden.</translation>
        </message>
        <message>
            <source>New team</source>
            <translation>Neues Team</translation>
        </message>
        <message>
            <source>Team name:</source>
            <translation>Teamname:</translation>
        </message>
        <message>
            <source>Team “%1” created.</source>
            <translation>Team „%1“ angelegt.</translation>
        </message>
        <message>
            <source>Could not create the team.</source>
            <translation>Das Team konnte nicht angelegt werden.</translation>
        </message>
        <message>
            <source>Rename team</source>
            <translation>Team umbenennen</translation>
        </message>
        <message>
            <source>New name:</source>
            <translation>Neuer Name:</translation>
        </message>
        <message>
            <source>Could not rename the team.</source>
            <translation>Das Team konnte nicht umbenannt werden.</translation>
        </message>
        <message>
            <source>Delete team</source>
            <translation>Team löschen</translation>
        </message>
        <message>
            <source>Delete the team “%1”?</source>
            <translation>Das Team „%1“ löschen?</translation>
        </message>
        <message>
            <source>Its websites and their events are deleted too. This cannot be undone.</source>
            <translation>Seine Websites und deren Ereignisse werden ebenfalls gelöscht. Das lässt sich nicht rückgängig machen.</translation>
        </message>
        <message>
            <source>Could not delete the team.</source>
            <translation>Das Team konnte nicht gelöscht werden.</translation>
        </message>
        <message>
            <source>“%1” is now on the %2 plan.</source>
            <translation>„%1“ hat jetzt den Tarif %2.</translation>
        </message>
        <message>
            <source>Could not change the plan.</source>
            <translation>Der Tarif konnte nicht geändert werden.</translation>
        </message>
        <message>
            <source>Add member</source>
            <translation>Mitglied hinzufügen</translation>
        </message>
        <message>
            <source>name@example.com</source>
            <translation>name@example.com</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>Hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Email:</source>
            <translation>&amp;E-Mail:</translation>
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation>&amp;Rolle:</translation>
        </message>
        <message>
            <source>HTTP %1 · %2 · request ID %3</source>
            <translation>HTTP %1 · %2 · Anfrage-ID %3</translation>
        </message>
        <message>
            <source>Change role</source>
            <translation>Rolle ändern</translation>
        </message>
        <message>
            <source>Role:</source>
            <translation>Rolle:</translation>
        </message>
        <message>
            <source>Could not change the role.</source>
            <translation>Die Rolle konnte nicht geändert werden.</translation>
        </message>
        <message>
            <source>Remove member</source>
            <translation>Mitglied entfernen</translation>
        </message>
        <message>
            <source>Remove %1 from the team?</source>
            <translation>%1 aus dem Team entfernen?</translation>
        </message>
        <message>
            <source>Their API keys lose access to this team's websites at once.</source>
            <translation>Die API-Schlüssel dieser Person verlieren sofort den Zugriff auf die Websites dieses Teams.</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>Entfernen</translation>
        </message>
        <message>
            <source>Could not remove the member.</source>
            <translation>Das Mitglied konnte nicht entfernt werden.</translation>
        </message>
        <message>
            <source>No teams yet. Create one with New team… (Ctrl+N).</source>
            <translation>Noch keine Teams. Legen Sie eines mit „Neues Team…“ an (Strg+N).</translation>
        </message>
        <message>
            <source>Select a team to see its members.</source>
            <translation>Wählen Sie ein Team, um seine Mitglieder zu sehen.</translation>
        </message>
    </context>
    <context>
        <name>Gui::UsageModel</name>
        <message>
            <source>Key</source>
            <translation>Schlüssel</translation>
        </message>
        <message>
            <source>Prefix</source>
            <translation>Präfix</translation>
        </message>
        <message>
            <source>Plan</source>
            <translation>Tarif</translation>
        </message>
        <message>
            <source>Used this month</source>
            <translation>Diesen Monat genutzt</translation>
        </message>
        <message>
            <source>Monthly limit</source>
            <translation>Monatslimit</translation>
        </message>
        <message>
            <source>Used</source>
            <translation>Genutzt</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>Per minute</source>
            <translation>Pro Minute</translation>
        </message>
        <message>
            <source>Resets</source>
            <translation>Zurücksetzung</translation>
        </message>
    </context>
    <context>
        <name>Gui::UsagePage</name>
        <message>
            <source>Usage</source>
            <translation>Nutzung</translation>
        </message>
        <message>
            <source>Show inactive keys too (revoked, expired, billed to a Free team)</source>
            <translation>Auch inaktive Schlüssel anzeigen (widerrufen, abgelaufen, über ein Free-Team abgerechnet)</translation>
        </message>
        <message>
            <source>Requests counted this month for each key, against the monthly quota of its billing team's plan. Requests refused with 429 are not counted.</source>
            <translation>Die in diesem Monat gezählten Anfragen je Schlüssel, verglichen mit dem Monatskontingent des Tarifs seines Abrechnungsteams. Mit 429 abgelehnte Anfragen werden nicht gezählt.</translation>
        </message>
        <message>
            <source>No active API keys. Their usage shows here once you have one.</source>
            <translation>Keine aktiven API-Schlüssel. Sobald es einen gibt, steht hier seine Nutzung.</translation>
        </message>
    </context>
    <context>
        <name>Gui::WebsiteDialog</name>
        <message>
            <source>New website</source>
            <translation>Neue Website</translation>
        </message>
        <message>
            <source>Edit website</source>
            <translation>Website bearbeiten</translation>
        </message>
        <message>
            <source>My shop</source>
            <translation>Mein Shop</translation>
        </message>
        <message>
            <source>https://shop.example.com</source>
            <translation>https://shop.example.com</translation>
        </message>
        <message>
            <source>Create</source>
            <translation>Anlegen</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>Speichern</translation>
        </message>
        <message>
            <source>&amp;Team:</source>
            <translation>&amp;Team:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;URL:</source>
            <translation>&amp;URL:</translation>
        </message>
        <message>
            <source>A website's address starts with https:// or http://: https:// was added. Check it and press %1 again.</source>
            <translation>Die Adresse einer Website beginnt mit https:// oder http://: https:// wurde ergänzt. Prüfen Sie sie und klicken Sie erneut auf „%1“.</translation>
        </message>
        <message>
            <source>203.0.113.7, 10.0.0.0/8</source>
            <translation>203.0.113.7, 10.0.0.0/8</translation>
        </message>
        <message>
            <source>Addresses and ranges (CIDR) whose visits are not counted, such as your office's; separated by commas</source>
            <translation>Adressen und Bereiche (CIDR), deren Besuche nicht gezählt werden, etwa die Ihres Büros; durch Kommas getrennt</translation>
        </message>
        <message>
            <source>E&amp;xcluded addresses:</source>
            <translation>Ausgeschlossene &amp;Adressen:</translation>
        </message>
    </context>
    <context>
        <name>Gui::WebsiteModel</name>
        <message>
            <source>Name</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Domain</source>
            <translation>Domain</translation>
        </message>
        <message>
            <source>Team</source>
            <translation>Team</translation>
        </message>
        <message>
            <source>Tracking code</source>
            <translation>Tracking-Code</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Erstellt</translation>
        </message>
    </context>
    <context>
        <name>Gui::WebsitesPage</name>
        <message>
            <source>Websites</source>
            <translation>Websites</translation>
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation>&amp;Bearbeiten…</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>Löschen…</translation>
        </message>
        <message>
            <source>&amp;Copy snippet</source>
            <translation>Snippet &amp;kopieren</translation>
        </message>
        <message>
            <source>Search websites (Ctrl+F)</source>
            <translation>Websites suchen (Strg+F)</translation>
        </message>
        <message>
            <source>&amp;New website…</source>
            <translation>&amp;Neue Website…</translation>
        </message>
        <message>
            <source>Team:</source>
            <translation>Team:</translation>
        </message>
        <message>
            <source>All teams</source>
            <translation>Alle Teams</translation>
        </message>
        <message>
            <source>Could not load the websites.</source>
            <translation>Die Websites konnten nicht geladen werden.</translation>
        </message>
        <message>
            <source>&lt;b&gt;Tracking snippet&lt;/b&gt; — select a website</source>
            <translation>&lt;b&gt;Tracking-Snippet&lt;/b&gt; — wählen Sie eine Website</translation>
        </message>
        <message>
            <source>&lt;b&gt;Tracking snippet for %1&lt;/b&gt; — paste it before &lt;tt&gt;&amp;lt;/body&amp;gt;&lt;/tt&gt; on every page</source>
            <translation>&lt;b&gt;Tracking-Snippet für %1&lt;/b&gt; — fügen Sie es auf jeder Seite vor &lt;tt&gt;&amp;lt;/body&amp;gt;&lt;/tt&gt; ein</translation>
        </message>
        <message>
            <source>Create a team first: every website belongs to a team.</source>
            <translation>Legen Sie zuerst ein Team an: Jede Website gehört zu einem Team.</translation>
        </message>
        <message>
            <source>Website “%1” created.</source>
            <translation>Website „%1“ angelegt.</translation>
        </message>
        <message>
            <source>Delete website</source>
            <translation>Website löschen</translation>
        </message>
        <message>
            <source>Delete “%1”?</source>
            <translation>„%1“ löschen?</translation>
        </message>
        <message>
            <source>Its events are deleted too, and its tracking code stops working. This cannot be undone.</source>
            <translation>Ihre Ereignisse werden ebenfalls gelöscht, und ihr Tracking-Code funktioniert nicht mehr. Das lässt sich nicht rückgängig machen.</translation>
        </message>
        <message>
            <source>Could not delete the website.</source>
            <translation>Die Website konnte nicht gelöscht werden.</translation>
        </message>
        <message>
            <source>⚠ Visitors&apos; browsers cannot load this snippet: &lt;tt&gt;%1&lt;/tt&gt; is only reachable from this computer or its local network. Run &lt;tt&gt;zenovay-server&lt;/tt&gt; on a machine visitors can reach, set &lt;tt&gt;[server] public_url&lt;/tt&gt; to its address (for example &lt;tt&gt;https://stats.example.com&lt;/tt&gt;; see docs/deploy.md) and connect this app to it.</source>
            <translation>⚠ Die Browser der Besucher können dieses Snippet nicht laden: &lt;tt&gt;%1&lt;/tt&gt; ist nur von diesem Computer oder seinem lokalen Netz aus erreichbar. Betreiben Sie &lt;tt&gt;zenovay-server&lt;/tt&gt; auf einem Rechner, den Besucher erreichen, setzen Sie &lt;tt&gt;[server] public_url&lt;/tt&gt; auf seine Adresse (zum Beispiel &lt;tt&gt;https://stats.example.com&lt;/tt&gt;; siehe docs/deploy.md) und verbinden Sie diese App damit.</translation>
        </message>
        <message>
            <source>Copy &amp;ID</source>
            <translation>&amp;ID kopieren</translation>
        </message>
        <message>
            <source>What the external API's analytics route takes: GET /api/external/v1/analytics/{websiteId}</source>
            <translation>Was die Analyse-Route der externen API erwartet: GET /api/external/v1/analytics/{websiteId}</translation>
        </message>
        <message>
            <source>Website ID (for the API's analytics route): &lt;tt&gt;%1&lt;/tt&gt;</source>
            <translation>Website-ID (für die Analyse-Route der API): &lt;tt&gt;%1&lt;/tt&gt;</translation>
        </message>
        <message>
            <source>No websites yet. Add one with New website… (Ctrl+N).</source>
            <translation>Noch keine Websites. Fügen Sie eine mit „Neue Website…“ hinzu (Strg+N).</translation>
        </message>
        <message>
            <source>Honour &amp;Do Not Track</source>
            <translation>&amp;Do Not Track beachten</translation>
        </message>
        <message>
            <source>Adds data-do-not-track="true": browsers whose Do-Not-Track setting is on send nothing</source>
            <translation>Fügt data-do-not-track="true" hinzu: Browser mit eingeschalteter Do-Not-Track-Einstellung senden nichts</translation>
        </message>
    </context>
    <context>
        <name>Gui::WelcomePage</name>
        <message>
            <source>Try again</source>
            <translation>Erneut versuchen</translation>
        </message>
        <message>
            <source>Connect to another server…</source>
            <translation>Mit anderem Server verbinden…</translation>
        </message>
        <message>
            <source>Zenovay</source>
            <translation>Zenovay</translation>
        </message>
        <message>
            <source>Set up this server</source>
            <translation>Diesen Server einrichten</translation>
        </message>
        <message>
            <source>This server has no users yet. Create the first account: it becomes the server admin and owns a first team.</source>
            <translation>Dieser Server hat noch keine Benutzer. Legen Sie das erste Konto an: Es wird Server-Admin und Inhaber eines ersten Teams.</translation>
        </message>
        <message>
            <source>you@example.com</source>
            <translation>sie@example.com</translation>
        </message>
        <message>
            <source>&amp;Email:</source>
            <translation>&amp;E-Mail:</translation>
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation>&amp;Name:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <source>&amp;Confirm password:</source>
            <translation>Passwort &amp;bestätigen:</translation>
        </message>
        <message>
            <source>Create account and sign in</source>
            <translation>Konto anlegen und anmelden</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>Anmelden</translation>
        </message>
        <message>
            <source>&amp;Stay signed in on this computer</source>
            <translation>Auf diesem Computer angemeldet &amp;bleiben</translation>
        </message>
        <message>
            <source>Other server…</source>
            <translation>Anderer Server…</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Verbindung wird hergestellt…</translation>
        </message>
        <message>
            <source>Contacting the server…</source>
            <translation>Server wird kontaktiert…</translation>
        </message>
        <message>
            <source>Could not reach the server at %1.</source>
            <translation>Der Server unter %1 war nicht erreichbar.</translation>
        </message>
        <message>
            <source>Your session is kept in the system keychain.</source>
            <translation>Ihre Sitzung wird im Schlüsselbund des Systems aufbewahrt.</translation>
        </message>
        <message>
            <source>Fill in email, name and password.</source>
            <translation>Bitte E-Mail, Name und Passwort ausfüllen.</translation>
        </message>
        <message>
            <source>The passwords do not match.</source>
            <translation>Die Passwörter stimmen nicht überein.</translation>
        </message>
        <message>
            <source>The account was created, but signing in failed.</source>
            <translation>Das Konto wurde angelegt, aber die Anmeldung ist fehlgeschlagen.</translation>
        </message>
        <message>
            <source>This server is already set up: sign in.</source>
            <translation>Dieser Server ist bereits eingerichtet: Melden Sie sich an.</translation>
        </message>
        <message>
            <source>Setup failed.</source>
            <translation>Die Einrichtung ist fehlgeschlagen.</translation>
        </message>
        <message>
            <source>Enter your email and password.</source>
            <translation>Geben Sie E-Mail und Passwort ein.</translation>
        </message>
        <message>
            <source>Wrong email or password.</source>
            <translation>Falsche E-Mail oder falsches Passwort.</translation>
        </message>
        <message>
            <source>Signing in failed.</source>
            <translation>Die Anmeldung ist fehlgeschlagen.</translation>
        </message>
        <message>
            <source>At least %1 characters.</source>
            <translation>Mindestens %1 Zeichen.</translation>
        </message>
        <message>
            <source>at least %1 characters</source>
            <translation>mindestens %1 Zeichen</translation>
        </message>
    </context>
    <context>
        <name>Gui::ServerMessages</name>
        <message>
            <source>A user with this email already exists</source>
            <translation>Es gibt bereits einen Benutzer mit dieser E-Mail-Adresse</translation>
        </message>
        <message>
            <source>Email domain must not end with a dot</source>
            <translation>Die Domain der E-Mail-Adresse darf nicht mit einem Punkt enden</translation>
        </message>
        <message>
            <source>Email is required</source>
            <translation>E-Mail-Adresse ist erforderlich</translation>
        </message>
        <message>
            <source>Email must not contain invisible or control characters</source>
            <translation>Die E-Mail-Adresse darf keine unsichtbaren oder Steuerzeichen enthalten</translation>
        </message>
        <message>
            <source>Email too long (max %1 characters)</source>
            <translation>E-Mail-Adresse zu lang (höchstens %1 Zeichen)</translation>
        </message>
        <message>
            <source>Invalid URL format</source>
            <translation>Ungültiges URL-Format</translation>
        </message>
        <message>
            <source>Invalid email address</source>
            <translation>Ungültige E-Mail-Adresse</translation>
        </message>
        <message>
            <source>Member not found</source>
            <translation>Mitglied nicht gefunden</translation>
        </message>
        <message>
            <source>Name is required</source>
            <translation>Name ist erforderlich</translation>
        </message>
        <message>
            <source>Name must not contain control characters</source>
            <translation>Der Name darf keine Steuerzeichen enthalten</translation>
        </message>
        <message>
            <source>Name too long (max %1 characters)</source>
            <translation>Name zu lang (höchstens %1 Zeichen)</translation>
        </message>
        <message>
            <source>No user with this email</source>
            <translation>Kein Benutzer mit dieser E-Mail-Adresse</translation>
        </message>
        <message>
            <source>Only a server admin may change a team's plan</source>
            <translation>Nur ein Server-Admin darf den Tarif eines Teams ändern</translation>
        </message>
        <message>
            <source>Only an owner of the team may do this</source>
            <translation>Das darf nur ein Inhaber des Teams</translation>
        </message>
        <message>
            <source>Only an owner or admin of the team may delete its websites</source>
            <translation>Nur ein Inhaber oder Admin des Teams darf seine Websites löschen</translation>
        </message>
        <message>
            <source>Only an owner or admin of the team may do this</source>
            <translation>Das darf nur ein Inhaber oder Admin des Teams</translation>
        </message>
        <message>
            <source>Password is required</source>
            <translation>Passwort ist erforderlich</translation>
        </message>
        <message>
            <source>Password too long (max %1 characters)</source>
            <translation>Passwort zu lang (höchstens %1 Zeichen)</translation>
        </message>
        <message>
            <source>Password too short (min %1 characters)</source>
            <translation>Passwort zu kurz (mindestens %1 Zeichen)</translation>
        </message>
        <message>
            <source>Team not found</source>
            <translation>Team nicht gefunden</translation>
        </message>
        <message>
            <source>This account is disabled</source>
            <translation>Dieses Konto ist deaktiviert</translation>
        </message>
        <message>
            <source>This user is already a member of the team</source>
            <translation>Dieser Benutzer ist bereits Mitglied des Teams</translation>
        </message>
        <message>
            <source>URL is required</source>
            <translation>URL ist erforderlich</translation>
        </message>
        <message>
            <source>URL too long (max %1 characters)</source>
            <translation>URL zu lang (höchstens %1 Zeichen)</translation>
        </message>
        <message>
            <source>User not found</source>
            <translation>Benutzer nicht gefunden</translation>
        </message>
        <message>
            <source>Website not found</source>
            <translation>Website nicht gefunden</translation>
        </message>
        <message>
            <source>You cannot disable your own account</source>
            <translation>Sie können Ihr eigenes Konto nicht deaktivieren</translation>
        </message>
    </context>
    <context>
        <name>Gui::AnalyticsPage</name>
        <message>
            <source>Analytics</source>
            <translation>Analyse</translation>
        </message>
        <message>
            <source>No websites yet. Add one on the Websites page and put its tracking snippet in your pages: its visitors show here.</source>
            <translation>Noch keine Websites. Fügen Sie auf der Seite Websites eine hinzu und binden Sie ihr Tracking-Snippet in Ihre Seiten ein: Ihre Besucher erscheinen hier.</translation>
        </message>
        <message>
            <source>Visitors</source>
            <translation>Besucher</translation>
        </message>
        <message>
            <source>Pageviews</source>
            <translation>Seitenaufrufe</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>Besuche</translation>
        </message>
        <message>
            <source>Bounce rate</source>
            <translation>Absprungrate</translation>
        </message>
        <message>
            <source>Custom events</source>
            <translation>Eigene Ereignisse</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>Seiten</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>Seite</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>Quellen</translation>
        </message>
        <message>
            <source>Referrer</source>
            <translation>Verweis</translation>
        </message>
        <message>
            <source>Browsers</source>
            <translation>Browser</translation>
        </message>
        <message>
            <source>Browser</source>
            <translation>Browser</translation>
        </message>
        <message>
            <source>Operating systems</source>
            <translation>Betriebssysteme</translation>
        </message>
        <message>
            <source>System</source>
            <translation>System</translation>
        </message>
        <message>
            <source>Devices</source>
            <translation>Geräte</translation>
        </message>
        <message>
            <source>Device</source>
            <translation>Gerät</translation>
        </message>
        <message>
            <source>Today</source>
            <translation>Heute</translation>
        </message>
        <message>
            <source>Yesterday</source>
            <translation>Gestern</translation>
        </message>
        <message>
            <source>Last 7 days</source>
            <translation>Letzte 7 Tage</translation>
        </message>
        <message>
            <source>Last 30 days</source>
            <translation>Letzte 30 Tage</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>Dieser Monat</translation>
        </message>
        <message>
            <source>Last month</source>
            <translation>Letzter Monat</translation>
        </message>
        <message>
            <source>Last 12 months</source>
            <translation>Letzte 12 Monate</translation>
        </message>
        <message>
            <source>Custom…</source>
            <translation>Benutzerdefiniert…</translation>
        </message>
        <message>
            <source>First day (UTC)</source>
            <translation>Erster Tag (UTC)</translation>
        </message>
        <message>
            <source>Last day (UTC)</source>
            <translation>Letzter Tag (UTC)</translation>
        </message>
        <message>
            <source>&amp;Website:</source>
            <translation>&amp;Website:</translation>
        </message>
        <message>
            <source>&amp;Range:</source>
            <translation>&amp;Zeitraum:</translation>
        </message>
        <message>
            <source>People over the whole range: one per browser and address each day, however many tabs or visits</source>
            <translation>Personen im ganzen Zeitraum: eine je Browser und Adresse und Tag, gleich wie viele Tabs oder Besuche</translation>
        </message>
        <message>
            <source>Visits: a visitor's pageviews and events less than 30 minutes apart</source>
            <translation>Besuche: Seitenaufrufe und Ereignisse eines Besuchers mit weniger als 30 Minuten Abstand</translation>
        </message>
        <message>
            <source>Share of visits with one pageview and no custom event</source>
            <translation>Anteil der Besuche mit einem Seitenaufruf und keinem eigenen Ereignis</translation>
        </message>
        <message>
            <source>±0 %</source>
            <translation>±0 %</translation>
        </message>
        <message>
            <source>new</source>
            <translation>neu</translation>
        </message>
        <message>
            <source>▲ %1 %</source>
            <translation>▲ %1 %</translation>
        </message>
        <message>
            <source>▼ %1 %</source>
            <translation>▼ %1 %</translation>
        </message>
        <message>
            <source>Could not load your websites.</source>
            <translation>Ihre Websites konnten nicht geladen werden.</translation>
        </message>
        <message>
            <source>Could not load the website's analytics.</source>
            <translation>Die Analyse der Website konnte nicht geladen werden.</translation>
        </message>
        <message>
            <source>%1 · %2</source>
            <translation>%1 · %2</translation>
        </message>
        <message>
            <source>%1 %</source>
            <translation>%1 %</translation>
        </message>
        <message>
            <source>±0 points</source>
            <translation>±0 Punkte</translation>
        </message>
        <message>
            <source>▲ %1 points</source>
            <translation>▲ %1 Punkte</translation>
        </message>
        <message>
            <source>▼ %1 points</source>
            <translation>▼ %1 Punkte</translation>
        </message>
        <message>
            <source>%1 (UTC), against the day before</source>
            <translation>%1 (UTC), verglichen mit dem Vortag</translation>
        </message>
        <message>
            <source>%1 pageviews in this range</source>
            <translation>%1 Seitenaufrufe in diesem Zeitraum</translation>
        </message>
        <message numerus="yes">
            <source>%1 – %2 (UTC, %n day(s)), against the %n day(s) before</source>
            <translation>
                <numerusform>%1 – %2 (UTC, %n Tag), verglichen mit dem Tag davor</numerusform>
                <numerusform>%1 – %2 (UTC, %n Tage), verglichen mit den %n Tagen davor</numerusform>
            </translation>
        </message>
        <message>
            <source>Entry pages</source>
            <translation>Einstiegsseiten</translation>
        </message>
        <message>
            <source>Campaign sources</source>
            <translation>Kampagnenquellen</translation>
        </message>
        <message>
            <source>Campaign media</source>
            <translation>Kampagnenmedien</translation>
        </message>
        <message>
            <source>Campaigns</source>
            <translation>Kampagnen</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>Ereignis</translation>
        </message>
        <message>
            <source>Visitors in the last 5 minutes</source>
            <translation>Besucher in den letzten 5 Minuten</translation>
        </message>
        <message>
            <source>Pageviews per minute over the last 30 minutes</source>
            <translation>Seitenaufrufe pro Minute in den letzten 30 Minuten</translation>
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation>%1 (%2)</translation>
        </message>
        <message>
            <source>No pageviews in the last 5 minutes.</source>
            <translation>Keine Seitenaufrufe in den letzten 5 Minuten.</translation>
        </message>
        <message>
            <source>Now on: %1</source>
            <translation>Gerade auf: %1</translation>
        </message>
        <message>
            <source>&amp;Export CSV…</source>
            <translation>CSV &amp;exportieren…</translation>
        </message>
        <message>
            <source>Save what this page shows (totals, the time series and every list) as a CSV file</source>
            <translation>Speichert, was diese Seite zeigt (Summen, Zeitreihe und alle Listen), als CSV-Datei</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>CSV exportieren</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV-Dateien (*.csv)</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 gespeichert</translation>
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation>%1 konnte nicht gespeichert werden: %2</translation>
        </message>
        <message>
            <source>nothing is shown yet</source>
            <translation>noch wird nichts angezeigt</translation>
        </message>
        <message>
            <source>Visit duration</source>
            <translation>Besuchsdauer</translation>
        </message>
        <message>
            <source>Exit pages</source>
            <translation>Ausstiegsseiten</translation>
        </message>
        <message>
            <source>Mean time from a visit's first pageview or event to its last</source>
            <translation>Mittlere Zeit vom ersten Seitenaufruf oder Ereignis eines Besuchs bis zu seinem letzten</translation>
        </message>
        <message>
            <source>Countries</source>
            <translation>Länder</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>Land</translation>
        </message>
        <message>
            <source>Visits by country (when the server has a country database: [geoip] database)</source>
            <translation>Besuche nach Land (wenn der Server eine Länderdatenbank hat: [geoip] database)</translation>
        </message>
        <message>
            <source>Click to show only this</source>
            <translation>Klicken, um nur dies zu zeigen</translation>
        </message>
        <message>
            <source>filtered figures exist from %1 on (the server's upgrade)</source>
            <translation>gefilterte Zahlen gibt es ab %1 (Aktualisierung des Servers)</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1: %2</translation>
        </message>
        <message>
            <source>Only:</source>
            <translation>Nur:</translation>
        </message>
        <message>
            <source>Remove the filter %1</source>
            <translation>Filter %1 entfernen</translation>
        </message>
        <message>
            <source>Clear all</source>
            <translation>Alle entfernen</translation>
        </message>
        <message>
            <source>Event properties</source>
            <translation>Ereignis-Eigenschaften</translation>
        </message>
        <message>
            <source>Property</source>
            <translation>Eigenschaft</translation>
        </message>
        <message>
            <source>The most frequent values of each property the filtered custom event carries</source>
            <translation>Die häufigsten Werte jeder Eigenschaft, die das gefilterte Ereignis trägt</translation>
        </message>
    </context>
    <context>
        <name>Gui::TopList</name>
        <message>
            <source>Nothing in this range.</source>
            <translation>Nichts in diesem Zeitraum.</translation>
        </message>
        <message>
            <source>Count</source>
            <translation>Anzahl</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(keine)</translation>
        </message>
    </context>
</TS>
