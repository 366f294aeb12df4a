<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>App::EmbeddedConnector</name>
        <message>
            <source>Built-in server (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The built-in server could not start: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Port %1 on this computer is in use by another program, so the built-in server cannot listen there. Choose another port (File &gt; Connect to Server…), or stop the program that uses it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>App::KeychainSecretStore</name>
        <message>
            <source>No system keychain is available, so your session is kept in memory only: you stay signed in until the app closes, and nothing is written to disk.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::ApiClient</name>
        <message>
            <source>The server's answer is not valid JSON (%1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server did not answer in time.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server's answer to GET /setup has no setup_required.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing answers at %1 (is the server running?)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the name %1 could not be found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the server closed the connection</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no secure connection could be made (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the connection failed (network error %1)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::ApiKeyModel</name>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prefix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Permissions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team access</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expires</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revoked %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every request with this key is refused (403 API_PAID_PLAN_REQUIRED): the team “%1” it is billed to is on the Free plan. A server admin can move the team to a paid plan on the Teams page.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::Charts</name>
        <message>
            <source>Accepted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rejected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rejected requests by code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rejected requests by code: none</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>24 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>7 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Monthly limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ingest rate (events per second)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Events/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Share of the monthly quota used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>% of monthly quota</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Share of the monthly quota used: no usage reported yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests per minute, last hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests per hour, last 24 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests per hour, last 7 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests per day, last 30 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Limited (429)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Per minute, against the rate limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Per minute, against the limit of %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests per month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests per month: %1 % of %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Visitors and pageviews per hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Visitors and pageviews per day</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pageviews</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Visitors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pageviews per minute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pageviews per minute, last 30 minutes</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::ConnectionDialog</name>
        <message>
            <source>&amp;This computer (the built-in server)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Another server:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect to a server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>https://zenovay.example.com</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The app runs the server itself, on this computer only (loopback), with its data in your user's application data folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter the server's address, for example https://zenovay.example.com.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The address must start with https:// (or http:// on a trusted network).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Warning: with http:// your password and session travel unencrypted. Use https:// for servers on other machines.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Automatic</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Port:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ports below 1024 need administrator rights; choose 1024 or above.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tracking snippets and bookmarks made for port %1 stop working; the app restarts the built-in server on port %2.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Kept across launches: the server is at http://127.0.0.1:%1 on this computer.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::CopyFeedback</name>
        <message>
            <source>Copied ✓</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied to the clipboard</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::CreateKeyDialog</name>
        <message>
            <source>&amp;Full access</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Only:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Write</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A&amp;dmin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;All teams I belong to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only &amp;selected teams:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Expires on</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create personal API key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. Reporting script</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Permissions</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read: GET requests. Write: create and change websites, send events. Admin: delete and team-level changes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team access</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2 plan)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Billing team:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expiry:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This team is on the Free plan: requests with this key will be refused (403 API_PAID_PLAN_REQUIRED) until the team is upgraded to Pro or higher.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rate limits and the monthly quota come from this team's plan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Give the key a name.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose at least one permission.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose at least one team, or allow all teams.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose the team the key's requests are billed to.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::ErrorBanner</name>
        <message>
            <source>Copy request ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy the request ID to quote it to support</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Dismiss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server could not be reached: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request ID: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The HTTP status, error code and request ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Please correct:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You are not signed in, or your session has ended.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You are not allowed to do this.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>It was not found; it may have been deleted meanwhile.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Too many requests: try again in a moment.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server had a problem. Try again; if it keeps happening, give your administrator the request ID under Details.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The server refused it.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::FieldError</name>
        <message>
            <source>The server could not be reached: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP %1 · %2: %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request ID: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP %1 · %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source> · request ID %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::Format</name>
        <message>
            <source>never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>in a moment</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>just now</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>in %n minute(s)</source>
            <translation>
                <numerusform>in %n minute</numerusform>
                <numerusform>in %n minutes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n minute(s) ago</source>
            <translation>
                <numerusform>%n minute ago</numerusform>
                <numerusform>%n minutes ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n hour(s)</source>
            <translation>
                <numerusform>in %n hour</numerusform>
                <numerusform>in %n hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n hour(s) ago</source>
            <translation>
                <numerusform>%n hour ago</numerusform>
                <numerusform>%n hours ago</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>in %n day(s)</source>
            <translation>
                <numerusform>in %n day</numerusform>
                <numerusform>in %n days</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) ago</source>
            <translation>
                <numerusform>%n day ago</numerusform>
                <numerusform>%n days ago</numerusform>
            </translation>
        </message>
        <message>
            <source>on %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Full access</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Write</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Admin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>None</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All teams</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>unknown team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Free</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pro</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Scale</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enterprise</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Owner</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Member</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Expired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revoked</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 d %2 h</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 h %2 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min %2 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inactive: Free plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Unknown</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::KeyDetailPage</name>
        <message>
            <source>Revoke…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>← All keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Back to the key list (Esc)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accepted, last 24 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accepted, last 7 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accepted, all time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rejected, last 24 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This month, of the monthly limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy as c&amp;URL</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A cURL command for the selected request (or GET /usage); the key comes from $ZENOVAY_API_KEY</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy &amp;diagnostic report</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What support asks for: request and response details, timestamp and request ID, with the key redacted</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Recent requests&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prefix %1… · %2 · teams: %3 · billed to %4 · created %5 · expires %6</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>never</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load the key's activity.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load the key's usage.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load the key's recent requests.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rejected: %1 in 7 days, %2 all time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 plan: %2 per minute, %3 per month; resets %4</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every request with this key is refused (403 API_PAID_PLAN_REQUIRED): the team it is billed to is on the Free plan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No rejected requests: every request with this key was accepted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last hour</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 24 hours</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 7 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 30 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Activity over:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This month, of %1 (%2 %)</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::KeysPage</name>
        <message>
            <source>Personal API keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New key…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Revoke…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search by name or prefix (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revoked or expired</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create a personal API key (Ctrl+N)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revoke the selected key (Delete)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the selected key's activity (Enter)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keys authenticate requests to the external API with the &lt;tt&gt;X-API-Key&lt;/tt&gt; header. The full key is shown once, when it is created; afterwards only its prefix is kept.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No keys yet. Create one with “New key…”: you will need a team on the Pro plan or higher to use it.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n key(s)</source>
            <translation>
                <numerusform>%n key</numerusform>
                <numerusform>%n keys</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not load your API keys.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create a team first: every key is billed to a team.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key “%1” created.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revoke key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Revoke “%1” (%2…)?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests with this key will be refused at once with 401 API_KEY_REVOKED. This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key “%1” revoked.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not revoke the key.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Inactive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>API keys</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::MainWindow</name>
        <message>
            <source>Zenovay Admin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (Ctrl+%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not connected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load your teams.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Connect to Server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+Shift+O</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign &amp;Out</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New key, website or team, depending on the page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Find</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Go</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ctrl+R</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Keyboard Shortcuts</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation type="unfinished" />
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
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About Zenovay Admin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About Zenovay Admin</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Zenovay Admin %1&lt;/b&gt;&lt;p&gt;The desktop admin app of Zenovay self-hosted: teams, websites, personal API keys and their activity.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Working</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● Unreachable</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Starting the built-in server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connecting to %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zenovay Admin — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking your session…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your session has ended. Sign in again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not check your session.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed in, but loading your account failed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (server admin)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You are signed out.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● Healthy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>GET /healthz answered 200 (server version %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>● Unhealthy (HTTP %1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Keychain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your session is kept in the system keychain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Session in memory only</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::MemberModel</name>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Email</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Joined</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::MemorySecretStore</name>
        <message>
            <source>No system keychain is available: you stay signed in until the app closes, and the session is never written to disk.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::OverviewPage</name>
        <message>
            <source>Overview</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Teams</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Websites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Active API keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Events stored on this server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed in as %1 &lt;%2&gt;, server admin, on %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signed in as %1 &lt;%2&gt; on %3.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;h3&gt;Getting started&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;&lt;a href="websitesPage"&gt;Add a website&lt;/a&gt; and paste its tracking snippet into your pages.&lt;/li&gt;&lt;li&gt;API keys need a paid plan: a server admin sets a team's plan on the &lt;a href="teamsPage"&gt;Teams&lt;/a&gt; page.&lt;/li&gt;&lt;li&gt;&lt;a href="keysPage"&gt;Create a personal API key&lt;/a&gt; and copy it: it is shown once.&lt;/li&gt;&lt;li&gt;Try it: &lt;tt&gt;curl -H "X-API-Key: zv_..." %1/api/external/v1/usage&lt;/tt&gt;&lt;/li&gt;&lt;li&gt;Open the key on the API keys page to watch its activity.&lt;/li&gt;&lt;/ol&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load the websites.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n key(s) in all</source>
            <translation>
                <numerusform>%n key in all</numerusform>
                <numerusform>%n keys in all</numerusform>
            </translation>
        </message>
        <message>
            <source>Could not load your API keys.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;a href="websitesPage"&gt;Add a website&lt;/a&gt; and paste its tracking snippet into your pages.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>API keys need a paid plan: a server admin sets a team's plan on the &lt;a href="teamsPage"&gt;Teams&lt;/a&gt; page.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;a href="keysPage"&gt;Create a personal API key&lt;/a&gt; and copy it: it is shown once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try it: &lt;tt&gt;curl -H "X-API-Key: zv_..." %1/api/external/v1/usage&lt;/tt&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Getting started: %1 of %2 done</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Open the key on the API keys page to watch its activity.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::Page</name>
        <message>
            <source>Could not load your API keys.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Nothing matches the search or filter.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::RequestLogModel</name>
        <message>
            <source>Time</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Method</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Path</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Status</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Latency</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 ms</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Request ID</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::RequestsPage</name>
        <message>
            <source>Requests</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Errors only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Key:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All keys</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load a key's requests.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n request(s)</source>
            <translation>
                <numerusform>%n request</numerusform>
                <numerusform>%n requests</numerusform>
            </translation>
        </message>
        <message>
            <source>No requests with your API keys yet.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::ServerPage</name>
        <message>
            <source>Server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect to another server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connection:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Version:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Uptime:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Listening on:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Database size:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Events stored:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ingest rate:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Ingest queue:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan limits:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2 per minute, %3 per month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not reported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not available (%1)</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%n event(s) waiting</source>
            <translation>
                <numerusform>%n event waiting</numerusform>
                <numerusform>%n events waiting</numerusform>
            </translation>
        </message>
        <message>
            <source>%1 events/s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load the server status.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (this connection)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit &amp;limits…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests per minute and per month for each plan (server admins)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan limits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Plan&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Requests per minute&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Requests per month&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Every API key billed to a team on a plan is held to that plan's limits.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan limits saved.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::ShowKeyDialog</name>
        <message>
            <source>Your new API key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Copy this key now. It will not be shown again.&lt;/b&gt;&lt;br&gt;Zenovay keeps only its prefix (%1) and a one-way hash. If you lose it, revoke it and create a new one.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Try it:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>I have copied the key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copied to the clipboard.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close without copying?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You have not copied the key. It will not be shown again: if you close now, revoke it and create a new one when you need it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Go back</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close anyway</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::TeamModel</name>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>My role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::TeamsPage</name>
        <message>
            <source>Teams</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Re&amp;name…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Add member…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change role…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New team…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only server admins can change a team's plan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load your teams.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Members of %1&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Members&lt;/b&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Members&lt;/b&gt; (visible to owners and admins of the team)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load the team's members.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team “%1” created.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not create the team.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rename team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>New name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not rename the team.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete the team “%1”?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Its websites and their events are deleted too. This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not delete the team.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>“%1” is now on the %2 plan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not change the plan.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add member</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>name@example.com</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Email:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Role:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>HTTP %1 · %2 · request ID %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Change role</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Role:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not change the role.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove member</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove %1 from the team?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Their API keys lose access to this team's websites at once.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not remove the member.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No teams yet. Create one with New team… (Ctrl+N).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Select a team to see its members.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::UsageModel</name>
        <message>
            <source>Key</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Prefix</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Used this month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Monthly limit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Used</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Per minute</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Resets</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::UsagePage</name>
        <message>
            <source>Usage</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Show inactive keys too (revoked, expired, billed to a Free team)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Requests counted this month for each key, against the monthly quota of its billing team's plan. Requests refused with 429 are not counted.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No active API keys. Their usage shows here once you have one.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::WebsiteDialog</name>
        <message>
            <source>New website</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Edit website</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>My shop</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>https://shop.example.com</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Team:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;URL:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A website's address starts with https:// or http://: https:// was added. Check it and press %1 again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>203.0.113.7, 10.0.0.0/8</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Addresses and ranges (CIDR) whose visits are not counted, such as your office's; separated by commas</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xcluded addresses:</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::WebsiteModel</name>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Domain</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Tracking code</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Created</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::WebsitesPage</name>
        <message>
            <source>Websites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Copy snippet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Search websites (Ctrl+F)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;New website…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>All teams</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load the websites.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Tracking snippet&lt;/b&gt; — select a website</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;b&gt;Tracking snippet for %1&lt;/b&gt; — paste it before &lt;tt&gt;&amp;lt;/body&amp;gt;&lt;/tt&gt; on every page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create a team first: every website belongs to a team.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Website “%1” created.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete website</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete “%1”?</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Its events are deleted too, and its tracking code stops working. This cannot be undone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not delete the website.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>⚠ Visitors&apos; browsers cannot load this snippet: &lt;tt&gt;%1&lt;/tt&gt; is only reachable from this computer or its local network. Run &lt;tt&gt;zenovay-server&lt;/tt&gt; on a machine visitors can reach, set &lt;tt&gt;[server] public_url&lt;/tt&gt; to its address (for example &lt;tt&gt;https://stats.example.com&lt;/tt&gt;; see docs/deploy.md) and connect this app to it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Copy &amp;ID</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>What the external API's analytics route takes: GET /api/external/v1/analytics/{websiteId}</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Website ID (for the API's analytics route): &lt;tt&gt;%1&lt;/tt&gt;</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No websites yet. Add one with New website… (Ctrl+N).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Honour &amp;Do Not Track</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Adds data-do-not-track="true": browsers whose Do-Not-Track setting is on send nothing</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::WelcomePage</name>
        <message>
            <source>Try again</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connect to another server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Zenovay</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Set up this server</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This server has no users yet. Create the first account: it becomes the server admin and owns a first team.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>you@example.com</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Email:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Confirm password:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Create account and sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sign in</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Stay signed in on this computer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Other server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Connecting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Contacting the server…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not reach the server at %1.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your session is kept in the system keychain.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fill in email, name and password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The passwords do not match.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The account was created, but signing in failed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This server is already set up: sign in.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Setup failed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Enter your email and password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Wrong email or password.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Signing in failed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>At least %1 characters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>at least %1 characters</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::ServerMessages</name>
        <message>
            <source>A user with this email already exists</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Email domain must not end with a dot</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Email is required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Email must not contain invisible or control characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Email too long (max %1 characters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Invalid URL format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Invalid email address</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Member not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name is required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name must not contain control characters</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name too long (max %1 characters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No user with this email</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only a server admin may change a team's plan</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only an owner of the team may do this</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only an owner or admin of the team may delete its websites</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only an owner or admin of the team may do this</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password is required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password too long (max %1 characters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Password too short (min %1 characters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Team not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This account is disabled</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This user is already a member of the team</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>URL is required</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>URL too long (max %1 characters)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>User not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Website not found</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>You cannot disable your own account</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::AnalyticsPage</name>
        <message>
            <source>Analytics</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No websites yet. Add one on the Websites page and put its tracking snippet in your pages: its visitors show here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Visitors</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pageviews</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Visits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Bounce rate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom events</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Page</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Referrer</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browsers</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Browser</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Operating systems</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>System</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Devices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Today</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Yesterday</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 7 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 30 days</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last month</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last 12 months</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Custom…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>First day (UTC)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last day (UTC)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Website:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Range:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>People over the whole range: one per browser and address each day, however many tabs or visits</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Visits: a visitor's pageviews and events less than 30 minutes apart</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Share of visits with one pageview and no custom event</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>±0 %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>new</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>▲ %1 %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>▼ %1 %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load your websites.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not load the website's analytics.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 · %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 %</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>±0 points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>▲ %1 points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>▼ %1 points</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (UTC), against the day before</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 pageviews in this range</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>%1 – %2 (UTC, %n day(s)), against the %n day(s) before</source>
            <translation>
                <numerusform>%1 – %2 (UTC, %n day), against the day before</numerusform>
                <numerusform>%1 – %2 (UTC, %n days), against the %n days before</numerusform>
            </translation>
        </message>
        <message>
            <source>Entry pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Campaign sources</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Campaign media</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Campaigns</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Event</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Visitors in the last 5 minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Pageviews per minute over the last 30 minutes</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (%2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No pageviews in the last 5 minutes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Now on: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export CSV…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save what this page shows (totals, the time series and every list) as a CSV file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export CSV</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Saved %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Could not save %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>nothing is shown yet</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Visit duration</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exit pages</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Mean time from a visit's first pageview or event to its last</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Countries</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Country</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Visits by country (when the server has a country database: [geoip] database)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Click to show only this</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>filtered figures exist from %1 on (the server's upgrade)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Only:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Remove the filter %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Clear all</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Event properties</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Property</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The most frequent values of each property the filtered custom event carries</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>Gui::TopList</name>
        <message>
            <source>Nothing in this range.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Count</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>(none)</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
