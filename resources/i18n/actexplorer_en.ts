<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>StatisticsPanel</name>
    <message numerus="yes">
        <source>from {count} samples</source>
        <translation>
            <numerusform>from {count} sample</numerusform>
            <numerusform>from {count} samples</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} outputs are NaN</source>
        <translation>
            <numerusform>{count} output is NaN</numerusform>
            <numerusform>{count} outputs are NaN</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{count} outputs are infinite</source>
        <translation>
            <numerusform>{count} output is infinite</numerusform>
            <numerusform>{count} outputs are infinite</numerusform>
        </translation>
    </message>
</context>
</TS>
