<?php
/*
 * WordPress's own content filters, run on jeudis's output by tests/test_wordpress.py.
 *
 * Loads the few files of wp-includes that hold them (no database, no web server) from
 * the WordPress folder given first; reads a JSON list of [function, text] pairs on
 * standard input and writes the list of results as JSON. A fresh French site: its
 * options are WordPress's defaults, its user lacks unfiltered_html, and, when the
 * folder holds wp-content/languages/fr_FR.mo, its strings (wptexturize's quotes) are
 * WordPress's French ones. Usage: php wordpress.php WORDPRESS_DIR < calls.json
 */
error_reporting(E_ALL);
define('ABSPATH', rtrim($argv[1], '/') . '/');
define('WPINC', 'wp-includes');
define('WP_SETUP_CONFIG', true);  // get_option() reads no database: false unless set below
$GLOBALS['shortcode_tags'] = [];
foreach (['load', 'plugin', 'functions', 'formatting', 'kses', 'shortcodes', 'class-wp-block-parser',
          'blocks', 'class-wp-block', 'class-wp-block-list', 'class-wp-block-type',
          'class-wp-block-type-registry', 'class-wp-block-supports', 'class-wp-embed', 'pomo/mo'] as $file) {
    require ABSPATH . WPINC . "/$file.php";
}

foreach (['blog_charset' => 'UTF-8', 'use_smilies' => '1', 'use_balanceTags' => '0',
          'home' => 'https://blog.example.org', 'siteurl' => 'https://blog.example.org',
          'embed_autourls' => '1'] as $name => $value) {
    add_filter("pre_option_$name", function () use ($value) { return $value; });
}
$GLOBALS['jeudis_mo'] = new MO();
if (is_file(ABSPATH . 'wp-content/languages/fr_FR.mo')) {
    $GLOBALS['jeudis_mo']->import_from_file(ABSPATH . 'wp-content/languages/fr_FR.mo');
}
function translate($text, $domain = 'default') { return $GLOBALS['jeudis_mo']->translate($text); }
function __($text, $domain = 'default') { return translate($text, $domain); }
function _x($text, $context, $domain = 'default') { return $GLOBALS['jeudis_mo']->translate($text, $context); }
function get_locale() { return 'fr_FR'; }
function determine_locale() { return 'fr_FR'; }
function get_bloginfo($show = '', $filter = 'raw') { return $show === 'charset' ? 'UTF-8' : ''; }
function includes_url($path = '', $scheme = null) { return 'https://blog.example.org/wp-includes/' . $path; }
function is_feed($feeds = '') { return false; }
function get_post($post = null, $output = OBJECT, $filter = 'raw') { return null; }
function current_user_can($capability, ...$args) { return false; }
// Filters of the_content that look up the media library or the site's address.
function prepend_attachment($content) { return $content; }
function wp_filter_content_tags($content, $context = null) { return $content; }
function wp_replace_insecure_home_url($content) { return $content; }

// The shortcodes WordPress registers (media.php), and [embed] (WP_Embed): each leaves
// a mark where it ran; an embed fetches nothing.
foreach (['caption', 'wp_caption', 'gallery', 'playlist', 'audio', 'video'] as $tag) {
    add_shortcode($tag, function ($atts, $content, $tag) { return "{{ran $tag}}"; });
}
class Jeudis_Embed extends WP_Embed {
    public function shortcode($attr, $url = '') { return "{{embed $url}}"; }
}
$GLOBALS['wp_embed'] = new Jeudis_Embed();  // hooks run_shortcode and autoembed to the_content

// default-filters.php: the_content, a post's save, slugs.
add_filter('the_content', 'do_blocks', 9);
add_filter('the_content', 'wptexturize');
add_filter('the_content', 'convert_smilies', 20);
add_filter('the_content', 'wpautop');
add_filter('the_content', 'shortcode_unautop');
add_filter('the_content', 'prepend_attachment');
add_filter('the_content', 'wp_filter_content_tags');
add_filter('the_content', 'wp_replace_insecure_home_url');
add_filter('the_content', 'capital_P_dangit', 11);
add_filter('the_content', 'do_shortcode', 11);
add_filter('content_save_pre', 'convert_invalid_entities');
add_filter('content_save_pre', 'balanceTags', 50);
add_filter('content_save_pre', 'wp_filter_post_kses');  // kses_init_filters(): no unfiltered_html
add_filter('pre_kses', 'wp_pre_kses_less_than');
add_filter('pre_kses', 'wp_pre_kses_block_attributes', 10, 3);
add_filter('sanitize_title', 'sanitize_title_with_dashes', 10, 3);
smilies_init();

$results = [];
foreach (json_decode(file_get_contents('php://stdin'), true) as [$function, $text]) {
    switch ($function) {
        case 'the_content': $results[] = apply_filters('the_content', $text); break;
        case 'save': $results[] = wp_unslash(apply_filters('content_save_pre', wp_slash($text))); break;
        case 'shortcodes': $results[] = do_shortcode($GLOBALS['wp_embed']->run_shortcode($text)); break;
        case 'autoembed': $results[] = $GLOBALS['wp_embed']->autoembed($text); break;
        case 'parse_blocks': $results[] = parse_blocks($text); break;
        case 'make_clickable': case 'wpautop': case 'wptexturize': case 'wp_kses_post': case 'sanitize_title':
            $results[] = $function($text); break;
        default: fwrite(STDERR, "unknown function: $function\n"); exit(2);
    }
}
echo json_encode($results, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
