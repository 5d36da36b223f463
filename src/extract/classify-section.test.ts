import { describe, expect, it } from 'vitest';
import { classifySection } from './classify-section.js';

describe('classifySection', () => {
  it('reads "Các chỉ tiêu chủ yếu" as a targets section', () => {
    expect(classifySection('Các chỉ tiêu chủ yếu')).toBe('targets');
  });
  it('reads "Kết quả chủ yếu" and "Tồn tại, hạn chế" as results sections', () => {
    expect(classifySection('Kết quả chủ yếu')).toBe('results');
    expect(classifySection('Tồn tại, hạn chế')).toBe('results');
  });
  it('reads "CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU" and "Tổ chức thực hiện" as task sections', () => {
    expect(classifySection('CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU')).toBe('tasks');
    expect(classifySection('Tổ chức thực hiện')).toBe('tasks');
  });
  it('reads "MỤC ĐÍCH, YÊU CẦU" and "Phương châm lãnh đạo" as aims that hold no tasks', () => {
    expect(classifySection('MỤC ĐÍCH, YÊU CẦU')).toBe('aims');
    expect(classifySection('Phương châm lãnh đạo, chỉ đạo nhiệm vụ')).toBe('aims');
  });
  it('reads "NỘI DUNG" of a plan as a task section', () => {
    expect(classifySection('NỘI DUNG THỰC HIỆN')).toBe('tasks');
  });
  it('names no kind for a heading that only names a body', () => {
    expect(classifySection('Sở Nội vụ')).toBeNull();
  });
});
