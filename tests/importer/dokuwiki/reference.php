<?php
/**
 * What DokuWiki itself makes of our test inputs, so that the importer's and the engine's rules can be held to
 * DokuWiki's own. Run once with PHP and a DokuWiki checkout; the tests read the saved output and need no PHP.
 *
 *   php reference.php <dokuwiki> ids < ids-inputs.json > ids-reference.json
 *       cleanID() of each input with each `deaccent` and `useslash` setting, and sectionID()
 *   php reference.php <dokuwiki> resolve < [[page, link], …]     DokuWiki's PageResolver: where each link leads
 *   php reference.php <dokuwiki> render <page id> < page.txt  the page rendered to XHTML as DokuWiki shows it
 *
 * syntax.reference.html is `render wiki:syntax` of wiki/data/pages/wiki/syntax.txt, with DokuWiki 24c6a7e0
 * (git clone https://github.com/dokuwiki/dokuwiki), whose data/pages holds the same three wiki: pages.
 * wiki/ holds DokuWiki's own data/pages/wiki/*.txt and data/media/wiki/* of that commit, unchanged, as test
 * input (GPL 2, Andreas Gohr and the DokuWiki contributors).
 *
 * Settings are DokuWiki's defaults (conf/dokuwiki.php) unless the mode says otherwise.
 */
if (count($argv) < 3) {
    fwrite(STDERR, "usage: php reference.php <dokuwiki folder> ids|render [page id]\n");
    exit(1);
}
define('DOKU_INC', realpath($argv[1]) . '/');
// The same addresses wherever the script runs, so that the saved output does not depend on the folder.
define('DOKU_BASE', '/');
define('DOKU_URL', 'https://wiki.example.org/');
define('NOSESSION', 1);
require_once(DOKU_INC . 'inc/init.php');

$mode = $argv[2];
if ($mode === 'ids') {
    $inputs = json_decode(stream_get_contents(STDIN), true);
    $columns = ['input'];
    foreach ([0, 1, 2] as $deaccent) foreach ([0, 1] as $useslash) $columns[] = "deaccent$deaccent-useslash$useslash";
    $columns[] = 'sectionID';
    $rows = [];
    foreach ($inputs as $input) {
        $row = [$input];
        foreach ([0, 1, 2] as $deaccent) {
            foreach ([0, 1] as $useslash) {
                $conf['deaccent'] = $deaccent;
                $conf['useslash'] = $useslash;
                global $cache_cleanid;
                $cache_cleanid = [];
                $row[] = cleanID($input);
            }
        }
        $conf['deaccent'] = 1;
        $conf['useslash'] = 0;
        $cache_cleanid = [];
        $check = false;
        $row[] = sectionID($input, $check);
        $rows[] = json_encode($row, JSON_UNESCAPED_UNICODE);
    }
    // One input a line, so that a change to DokuWiki's tables reads as a small diff.
    echo "{\"columns\": ", json_encode($columns), ",\n\"rows\": [\n", implode(",\n", $rows), "\n]}\n";
} elseif ($mode === 'resolve') {
    $rows = [];
    foreach (json_decode(stream_get_contents(STDIN), true) as [$page, $link]) {
        $rows[] = json_encode([$page, $link, (new \dokuwiki\File\PageResolver($page))->resolveId($link)], JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
    }
    echo "[\n", implode(",\n", $rows), "\n]\n";
} elseif ($mode === 'render') {
    global $ID;
    $ID = $argv[3] ?? '';
    $info = [];
    echo p_render('xhtml', p_get_instructions(stream_get_contents(STDIN)), $info);
} else {
    fwrite(STDERR, "unknown mode $mode\n");
    exit(1);
}
