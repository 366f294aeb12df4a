#!/usr/bin/perl
# Writes a small MaxMind DB country file, laid out as GeoLite2-Country is, for the tests
# (they never download one). Usage: write_country_db.pl OUT.mmdb [--demo]
#   198.51.100.0/24 DE, 203.0.113.0/24 US, 2001:db8::/32 FR,
#   192.0.2.0/24 only a registered country (JP); everything else unknown.
#   --demo adds 100.64.N.0/24 for the N-th of @demo (the screenshot tool's visitors).
use strict;
use warnings;
use MaxMind::DB::Writer::Tree;

my $out = shift or die "usage: $0 OUT.mmdb [--demo]\n";
my $demo = (shift // '') eq '--demo';
my @demo = (
    [US => 'United States'], [DE => 'Germany'],   [GB => 'United Kingdom'], [FR => 'France'],
    [NL => 'Netherlands'],   [CA => 'Canada'],    [IN => 'India'],          [BR => 'Brazil'],
    [JP => 'Japan'],         [AU => 'Australia'], [SE => 'Sweden'],         [CH => 'Switzerland'],
);
my %types = (
    country            => 'map',
    registered_country => 'map',
    iso_code           => 'utf8_string',
    names              => 'map',
    en                 => 'utf8_string',
);
my $tree = MaxMind::DB::Writer::Tree->new(
    ip_version               => 6,
    record_size              => 24,
    database_type            => 'GeoLite2-Country',
    languages                => ['en'],
    description              => { en => 'Zenovay test countries' },
    map_key_type_callback    => sub { $types{ $_[0] } },
    remove_reserved_networks => 0,    # the test networks are documentation ranges
    alias_ipv6_to_ipv4       => 1,
);
my $country = sub { { iso_code => $_[0], names => { en => $_[1] } } };
$tree->insert_network('198.51.100.0/24', { country => $country->('DE', 'Germany') });
$tree->insert_network('203.0.113.0/24',  { country => $country->('US', 'United States') });
$tree->insert_network('2001:db8::/32',   { country => $country->('FR', 'France') });
$tree->insert_network('192.0.2.0/24',    { registered_country => $country->('JP', 'Japan') });
if ($demo) {
    for my $n (0 .. $#demo) {
        $tree->insert_network("100.64.$n.0/24", { country => $country->(@{ $demo[$n] }) });
    }
}
open my $fh, '>:raw', $out or die "cannot write $out: $!\n";
$tree->write_tree($fh);
close $fh or die "cannot write $out: $!\n";
