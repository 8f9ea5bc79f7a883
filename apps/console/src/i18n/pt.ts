import type { AppMessages } from './app-en';

/** react-admin's own words in Portuguese (those the console shows; any other falls back to English). */
export const raPortuguese = {
  ra: {
    action: {
      add_filter: 'Adicionar filtro', add: 'Adicionar', back: 'Voltar', cancel: 'Cancelar', clear_input_value: 'Limpar valor', confirm: 'Confirmar',
      create: 'Criar', create_item: 'Criar %{item}', delete: 'Eliminar', edit: 'Editar', export: 'Exportar', list: 'Lista', refresh: 'Atualizar',
      remove_filter: 'Remover este filtro', remove_all_filters: 'Remover todos os filtros', remove: 'Remover', reset: 'Repor', save: 'Guardar',
      search: 'Pesquisar', search_columns: 'Pesquisar colunas', select_all: 'Selecionar tudo', select_row: 'Selecionar esta linha', show: 'Ver',
      sort: 'Ordenar', undo: 'Anular', unselect: 'Desselecionar', expand: 'Expandir', close: 'Fechar', open_menu: 'Abrir menu',
      close_menu: 'Fechar menu', update: 'Atualizar', open: 'Abrir', toggle_theme: 'Alternar modo claro/escuro', select_columns: 'Colunas',
    },
    boolean: { true: 'Sim', false: 'Não', null: ' ' },
    page: {
      create: 'Criar %{name}', dashboard: 'Painel', edit: '%{name} %{recordRepresentation}', error: 'Algo correu mal', list: '%{name}',
      loading: 'A carregar', not_found: 'Não encontrado', show: '%{name} %{recordRepresentation}', empty: 'Ainda não há %{name}.',
      invite: 'Quer adicionar um?', access_denied: 'Acesso negado', authentication_error: 'Erro de autenticação',
    },
    message: {
      are_you_sure: 'Tem a certeza?', details: 'Detalhes', error: 'Ocorreu um erro e o pedido não pôde ser concluído.',
      invalid_form: 'O formulário não é válido. Verifique os erros', loading: 'Aguarde, por favor', no: 'Não', yes: 'Sim',
      not_found: 'O endereço não existe ou a ligação está errada.', unsaved_changes: 'Algumas alterações não foram guardadas. Quer descartá-las?',
    },
    navigation: {
      clear_filters: 'Limpar filtros', no_filtered_results: 'Nenhum %{name} encontrado com os filtros atuais.', no_results: 'Nenhum %{name} encontrado',
      page_out_of_boundaries: 'Página %{page} fora dos limites', page_out_from_end: 'Não há páginas depois da última',
      page_out_from_begin: 'Não há páginas antes da 1', page_range_info: '%{offsetBegin}-%{offsetEnd} de %{total}',
      partial_page_range_info: '%{offsetBegin}-%{offsetEnd} de mais de %{offsetEnd}', current_page: 'Página %{page}', page: 'Ir para a página %{page}',
      first: 'Primeira página', last: 'Última página', next: 'Página seguinte', previous: 'Página anterior', page_rows_per_page: 'Linhas por página:',
      skip_nav: 'Saltar para o conteúdo',
    },
    sort: { sort_by: 'Ordenar por %{field_lower_first} %{order}', ASC: 'ascendente', DESC: 'descendente' },
    auth: {
      auth_check_error: 'Inicie sessão para continuar', user_menu: 'Perfil', username: 'Utilizador', password: 'Palavra-passe', email: 'Email',
      sign_in: 'Iniciar sessão', sign_in_error: 'Falha na autenticação, tente de novo', logout: 'Terminar sessão',
    },
    notification: {
      updated: 'Elemento atualizado |||| %{smart_count} elementos atualizados', created: 'Elemento criado',
      deleted: 'Elemento eliminado |||| %{smart_count} elementos eliminados', item_doesnt_exist: 'O elemento não existe',
      http_error: 'Erro de comunicação com o servidor', canceled: 'Ação cancelada', logged_out: 'A sua sessão terminou, inicie-a de novo.',
      not_authorized: 'Não tem permissão para aceder a este recurso.', offline: 'Sem ligação. Não foi possível carregar os dados.',
    },
    validation: {
      required: 'Obrigatório', minLength: 'Deve ter pelo menos %{min} caracteres', maxLength: 'Deve ter %{max} caracteres ou menos',
      minValue: 'Deve ser pelo menos %{min}', maxValue: 'Deve ser %{max} ou menos', number: 'Deve ser um número', email: 'Deve ser um email válido',
      oneOf: 'Deve ser um de: %{options}', regex: 'Deve ter o formato %{pattern}', unique: 'Deve ser único',
    },
  },
};

export const appPortuguese: AppMessages = {
  resources: {
    claims: {
      name: 'Reclamação |||| Reclamações',
      fields: {
        number: 'Reclamação', status: 'Estado', formType: 'Formulário', decision: 'Decisão', 'device.imei': 'IMEI', 'model.name': 'Modelo',
        'customer.name': 'Cliente', 'serviceCentre.name': 'Centro de assistência', ciNumber: 'Número CI', submittedAt: 'Submetida', updatedAt: 'Atualizada',
        modelId: 'Modelo', customerId: 'Cliente', serviceCentreId: 'Centro de assistência', olderThanDays: 'Com mais de (dias)',
        submittedFrom: 'Submetida desde', submittedTo: 'Submetida até',
      },
    },
    invoices: {
      name: 'Fatura |||| Faturas',
      fields: {
        number: 'Número', status: 'Estado', 'customer.name': 'Cliente', claimNumber: 'Reclamação', total: 'Montante', issuedOn: 'Emitida em',
        dueOn: 'Vence em', paidOn: 'Paga em', daysOverdue: 'Em atraso', customerId: 'Cliente', issuedFrom: 'Emitida desde', issuedTo: 'Emitida até',
        overdueDays: 'Em atraso há pelo menos (dias)',
      },
    },
    orders: { name: 'Encomenda |||| Encomendas' },
    devices: { name: 'Dispositivo |||| Dispositivos' },
    stock: { name: 'Stock |||| Stock' },
    'stock-movements': { name: 'Movimento de stock |||| Movimentos de stock' },
    customers: { name: 'Cliente |||| Clientes' },
    models: { name: 'Modelo |||| Modelos' },
    parts: { name: 'Peça |||| Peças' },
    'service-centres': { name: 'Centro de assistência |||| Centros de assistência' },
    users: { name: 'Utilizador |||| Utilizadores' },
  },
  app: {
    claims: {
      submit: 'Submeter uma reclamação',
      submit_button: 'Submeter a reclamação',
      search: 'Reclamação, número CI ou IMEI',
      empty_title: 'Ainda não há reclamações',
      empty_explanation: 'Uma reclamação começa com o formulário de reparação ou substituição do cliente para uma unidade.',
      none_match: 'Nenhuma reclamação corresponde a estes filtros.',
      submitted_on: 'submetida em %{date}',
    },
    invoices: {
      search: 'Número da fatura',
      unpaid: 'Por pagar',
      overdue_days: '%{smart_count} dia em atraso |||| %{smart_count} dias em atraso',
      not_due: 'Ainda não vencida',
      export: 'Exportar CSV',
      pdf: 'PDF',
      dates: 'Datas',
      lines: 'Linhas',
      line: 'Linha',
      clauses: 'Cláusulas',
      quantity: 'Qtd.',
      amount: 'Montante',
      total: 'Total',
      open_claim: 'Abrir a reclamação',
      draft: 'Rascunho de fatura',
      status: { DRAFT: 'Rascunho', ISSUED: 'Emitida', PAID: 'Paga', VOID: 'Anulada' },
    },
    devices: {
      create_claim: 'Criar uma reclamação',
      covered: 'Em garantia',
      not_covered: 'Fora da garantia',
      not_received: 'Garantia não iniciada',
    },
    user: {
      profile: 'Perfil',
      change_password: 'Alterar a palavra-passe',
      current_password: 'Palavra-passe atual',
      new_password: 'Nova palavra-passe',
      password_changed: 'A sua palavra-passe foi alterada',
      language: 'Idioma',
      theme: 'Tema',
      light: 'Claro',
      dark: 'Escuro',
      name: 'Nome',
      email: 'Email',
      role: 'Função',
      close: 'Fechar',
    },
  },
};
