/** Russian: the names of roles, places of taking part, stakeholder groups and regions (labels.ts). */
import type { PeopleLabels } from './labels.ts';

export const ru: PeopleLabels = {
  roles: {
    chair: 'Председатель',
    'co-chair': 'Сопредседатель',
    secretariat: 'Секретариат',
    member: 'Член',
    observer: 'Наблюдатель',
    captioner: 'Оператор субтитров',
    interpreter: 'Переводчик-синхронист',
  },
  locations: { room: 'В зале', remote: 'Дистанционно', phone: 'По телефону', unknown: 'Не указано' },
  stakeholderGroups: {
    government: 'Правительство',
    'private-sector': 'Частный сектор',
    'civil-society': 'Гражданское общество',
    'technical-community': 'Техническое сообщество',
    'intergovernmental-organisation': 'Межправительственная организация',
    unknown: 'Не указана',
  },
  regions: {
    africa: 'Африка',
    'asia-pacific': 'Азиатско-Тихоокеанский регион',
    'eastern-europe': 'Восточная Европа',
    'latin-america-caribbean': 'Латинская Америка и Карибский бассейн',
    weog: 'Западная Европа и другие государства',
    unknown: 'Не указан',
  },
};
