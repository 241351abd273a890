#!/usr/bin/env python3
"""Rewrites the case tables of docs/bad-input.md from the log the bad-input tests write:
mvn test -Dtest='*BadInputTest' -Dclassifierlab.badInputLog=/tmp/cases.tsv && docs/bad-input-tables.py /tmp/cases.tsv"""
import collections
import re
import sys

NAMES = {
    'binary': ('CIFAR binary batches', '`CifarBinaryReader`', 'core/data/CifarBinaryBadInputTest'),
    'idx': ('MNIST-style IDX files', '`IdxReader`', 'core/data/IdxBadInputTest'),
    'archive': ('CIFAR archives (tar, tar.gz)', '`CifarArchive` through `DatasetLoader.load`',
                'core/data/CifarArchiveBadInputTest'),
    'pickle': ('Pickles', '`PickleReader`', 'core/data/PickleBadInputTest'),
    'python batch': ('CIFAR-10 python batches', '`CifarPythonReader`', 'core/data/PickleBadInputTest'),
    'folder': ('Dataset folders', '`DatasetLoader.load`', 'core/data/DatasetLoaderBadInputTest'),
    'image': ("The user's own pictures", '`ImageFiles`', 'core/images/ImageFilesBadInputTest'),
    'scene': ('Scene files', '`SceneFile.read`', 'core/scene/SceneFileBadInputTest'),
}
MARK = '## The cases'

groups = collections.defaultdict(list)
for line in open(sys.argv[1], encoding='utf-8'):
    label, kind, message = line.rstrip('\n').split('\t')
    reader, case = label.split(': ', 1)
    groups[reader].append((case, kind, re.sub(r'/tmp/junit-\d+', 'TMP', message)))
out = [f"{MARK} ({sum(len(v) for v in groups.values())}) and their results\n", "`TMP` stands for the test's"
       " temporary folder.\n"]
for reader, (title, cls, test) in NAMES.items():
    out.append(f"### {title} ({cls}; `{test}`)\n")
    out.append("| # | crafted input | refused with |\n|---|---|---|")
    for i, (case, kind, message) in enumerate(sorted(groups[reader]), 1):
        out.append(f"| {i} | {case} | `{kind}`: {message.replace('|', chr(92) + '|')} |")
    out.append("")
doc = open('docs/bad-input.md', encoding='utf-8').read()
open('docs/bad-input.md', 'w', encoding='utf-8').write(doc[:doc.index(MARK)] + '\n'.join(out))
