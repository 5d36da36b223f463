import { describe, expect, it } from 'vitest';
import { readLead } from './read-lead.js';

describe('readLead', () => {
  it('reads "X chủ trì, phối hợp với Y" as lead X and support Y', () => {
    expect(
      readLead('Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với các cấp ủy, tổ chức đảng liên quan xây dựng đề án'),
    ).toEqual({
      lead: 'Ban Tổ chức Tỉnh ủy',
      support: ['các cấp ủy, tổ chức đảng liên quan'],
    });
  });
  it('reads "Đảng ủy UBND tỉnh chỉ đạo ..." as led by Đảng ủy UBND tỉnh', () => {
    expect(readLead('Đảng ủy UBND tỉnh chỉ đạo rà soát, báo cáo Ban Thường vụ Tỉnh ủy').lead).toBe(
      'Đảng ủy UBND tỉnh',
    );
  });
  it('reads the body given the work: "Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh tổ chức ..."', () => {
    expect(readLead('Hội đồng nhân dân tỉnh giao Ủy ban nhân dân tỉnh tổ chức triển khai').lead).toBe(
      'Ủy ban nhân dân tỉnh',
    );
    expect(readLead('Giao Đảng ủy UBND tỉnh chủ trì, phối hợp với các cơ quan').lead).toBe(
      'Đảng ủy UBND tỉnh',
    );
  });
  it('skips an opening phrase: "Chậm nhất trong tháng 6/2026, Đảng ủy UBND tỉnh chỉ đạo ..."', () => {
    expect(readLead('Chậm nhất trong tháng 6/2026, Đảng ủy UBND tỉnh chỉ đạo rà soát').lead).toBe(
      'Đảng ủy UBND tỉnh',
    );
  });
  it('keeps name parts that look like verbs: "Ban Tổ chức", "tham mưu, giúp việc", "tổ chức chính trị - xã hội"', () => {
    expect(
      readLead(
        'Các cơ quan tham mưu, giúp việc Tỉnh ủy, các tổ chức chính trị - xã hội tỉnh tập trung thực hiện',
      ).lead,
    ).toBe('Các cơ quan tham mưu, giúp việc Tỉnh ủy, các tổ chức chính trị - xã hội tỉnh');
  });
  it('names no lead for an item that starts with its work', () => {
    expect(readLead('Tổ chức quán triệt kịp thời các nghị quyết').lead).toBeNull();
    expect(readLead('Tăng cường công tác thanh tra, kiểm tra').lead).toBeNull();
    expect(readLead('Phương châm huy động nguồn lực là: ...').lead).toBeNull();
    expect(readLead('Ban hành kế hoạch giải ngân chi tiết').lead).toBeNull();
  });
  it('reads the body an introduction asks to act: "... yêu cầu cấp ủy, chính quyền các cấp tập trung thực hiện các nhiệm vụ sau:"', () => {
    expect(
      readLead(
        'Để khắc phục hạn chế, Ban Thường vụ Tỉnh ủy yêu cầu cấp ủy, chính quyền các cấp tập trung thực hiện một số nhiệm vụ sau:',
        {
          intro: true,
        },
      ).lead,
    ).toBe('cấp ủy, chính quyền các cấp');
  });
});
