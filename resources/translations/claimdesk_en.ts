<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BundleActions</name>
    <message numerus="yes">
        <source>Exported %n article(s) to {path}</source>
        <translation>
            <numerusform>Exported %n article to {path}</numerusform>
            <numerusform>Exported %n articles to {path}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BundleConflictsDialog</name>
    <message numerus="yes">
        <source>{bundle} has different work on %n claim(s) that someone worked on here. Local work is kept unless you choose the bundle&apos;s; every change is recorded in the claim&apos;s history.</source>
        <translation>
            <numerusform>{bundle} has different work on %n claim that someone worked on here. Local work is kept unless you choose the bundle&apos;s; every change is recorded in the claim&apos;s history.</numerusform>
            <numerusform>{bundle} has different work on %n claims that someone worked on here. Local work is kept unless you choose the bundle&apos;s; every change is recorded in the claim&apos;s history.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message numerus="yes">
        <source>Delete claim {number}, with its verdict and %n source note(s)? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete claim {number}, with its verdict and %n source note? You can undo this with Ctrl+Z.</numerusform>
            <numerusform>Delete claim {number}, with its verdict and %n source notes? You can undo this with Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The scale has %n rating(s).</source>
        <translation>
            <numerusform>The scale has %n rating.</numerusform>
            <numerusform>The scale has %n ratings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message numerus="yes">
        <source>{checked} of %n claim(s) checked</source>
        <translation>
            <numerusform>{checked} of %n claim checked</numerusform>
            <numerusform>{checked} of %n claims checked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SourcesModel</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
</TS>
