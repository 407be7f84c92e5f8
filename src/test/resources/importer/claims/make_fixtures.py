#!/usr/bin/env python3
"""Writes the claims fixtures by hand from the 記録条件仕様 layouts (see src/docs/importer/claims.md).

Each record is listed field by field with its 1-based position, padded to the specification's field
count, then written as Shift_JIS with CRLF. Run from this directory; the .UKE files are committed.
"""


def rec(record_id, count, **fields):
    values = [''] * count
    values[0] = record_id
    for position, value in fields.items():
        values[int(position[1:]) - 1] = value
    return ','.join(values)


def write(name, records):
    with open(name, 'wb') as out:
        out.write(''.join(r + '\r\n' for r in records).encode('shift_jis'))


def days(counted):
    """The 算定日情報 of an SI record: 1日の情報 is position 14, 31日の情報 position 44."""
    return {'p' + str(13 + day): '1' for day in counted}


def cz(day, quantity):
    return rec('CZ', 54, p2='1', p3=day, p4=day, p5='1', p6=quantity)


write('pharmacy.UKE', [
    rec('YK', 9, p2='1', p3='13', p4='4', p5='1234567', p6='見本薬局', p7='50712', p8='00', p9='03-1234-5678'),
    rec('RE', 42, p2='1', p3='4122', p4='50711', p5='見本 太郎', p6='1', p7='3450615', p10='13', p11='1',
        p12='7654321', p13='見本クリニック'),
    rec('HO', 15, p2='06132013', p3='1234', p4='5678', p5='2', p6='1234', p10='2800', p15='01'),
    rec('KO', 10, p2='21136015', p3='1234566', p5='2', p6='1234', p8='500'),
    rec('SH', 10, p2='1', p3='1', p4='900', p5='1日1回朝食後'),
    cz('1105', '14'),
    rec('IY', 10, p2='1', p3='620000001', p4='1'),
    rec('IY', 10, p2='1', p3='620000002', p4='2.5'),
    rec('SH', 10, p2='2', p3='3', p4='900', p5='発熱時 1回2錠'),
    cz('1120', '5'),
    rec('IY', 10, p2='1', p3='620000003', p4='2'),
    rec('RE', 42, p2='2', p3='4112', p4='50711', p5='見本 花子', p6='2', p7='4030303', p10='13', p11='1',
        p12='7654321', p13='見本クリニック'),
    rec('HO', 15, p2='  138057', p4='98765', p5='1', p6='456', p10='1370', p15='02'),
    rec('SH', 10, p2='1', p3='5', p4='900', p5='1日数回 患部に塗布'),
    cz('1110', '1'),
    rec('IY', 10, p2='1', p3='662640001', p4='25'),
    rec('GO', 4, p2='2', p3='1690', p4='99'),
])

write('medical.UKE', [
    rec('IR', 10, p2='1', p3='13', p4='1', p5='2345678', p7='見本病院', p8='50712', p9='00', p10='03-0000-0000'),
    rec('RE', 38, p2='1', p3='1111', p4='50711', p5='見本 一郎', p6='1', p7='3300101', p9='5071105'),
    rec('HO', 16, p2='06132013', p3='１２３', p4='456', p5='10', p6='12345', p8='20', p9='9200', p12='30000',
        p16='00'),
    rec('SY', 8, p2='8840107', p3='5071105', p4='1', p7='01'),
    rec('SI', 44, p2='90', p3='1', p4='190077410', p6='1000', p7='10', **days(range(5, 15))),
    rec('IY', 44, p2='21', p3='1', p4='620000001', p5='1', p6='10', p7='1'),
    rec('CO', 5, p2='90', p3='1', p4='810000001', p5='見本のコメント'),
    rec('RE', 38, p2='2', p3='1112', p4='50710', p5='見本 次郎', p6='1', p7='3250505', p21='取消'),
    rec('HO', 15, p2='  138057', p4='12345', p5='2', p6='820', p12='2460'),
    rec('SI', 44, p2='12', p3='1', p4='112007410', p6='75', p7='2', **days([5, 19])),
    rec('GO', 4, p2='2', p3='13165', p4='99'),
])

write('dental.UKE', [
    rec('IR', 10, p2='2', p3='27', p4='3', p5='3456789', p7='見本歯科医院', p8='50712', p9='00'),
    rec('RE', 38, p2='1', p3='3112', p4='50711', p5='見本 三郎', p6='1', p7='4100808'),
    rec('HO', 16, p2='39272013', p4='11112222', p5='3', p6='1500', p12='4500', p16='03'),
    rec('SI', 44, p2='13', p3='1', p4='301000110', p6='261', p7='1', **days([8])),
    rec('GO', 4, p2='1', p3='1500', p4='99'),
])
